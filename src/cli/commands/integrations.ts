import { INTEGRATION_KINDS } from '../../domain/alerts/alert.js';
import { createIntegration, rotateIntegrationToken } from '../../usecases/integrations/manage-integrations.js';
import { listIntegrations } from '../../usecases/integrations/read-integrations.js';
import type { IntegrationView } from '../../usecases/integrations/integration-view.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { integerOption, oneOf } from '../args.js';
import { defineCommand } from '../command.js';
import type { Io } from '../io.js';
import { clean, table, toJson } from '../output.js';
import { withDeps } from '../session.js';

const TOKEN_NOTES = [
  'The token alone goes to standard output, so it can be captured; it is shown only this once:',
  '  TOKEN=$(hikeshi integration create --name prometheus --kind alertmanager)',
  'Send alerts with `Authorization: Bearer <token>` to the alerts URL, or to /hooks/<token>.',
];

function printToken(io: Io, integration: IntegrationView & { token: string }, verb: string): void {
  io.out(`${integration.token}\n`);
  io.err(
    `${verb} integration "${clean(integration.name)}" (${integration.kind}, id ${integration.id}).\n` +
      `Alerts URL: ${integration.urls.alerts}\n` +
      (integration.urls.pagerduty ? `PagerDuty Events v2 URL: ${integration.urls.pagerduty} (the token is the routing_key)\n` : '') +
      (integration.urls.waroom ? `Waroom events URL: ${integration.urls.waroom}\n` : '') +
      'The token is shown only this once: store it in the monitor now.\n',
  );
}

export const integrationCreate = defineCommand({
  name: 'integration create',
  summary: 'Create an alert integration; its token is printed once and only its hash is kept',
  options: {
    name: { type: 'string', required: true, placeholder: 'NAME', description: 'A unique name, e.g. prometheus-prod' },
    kind: { type: 'string', required: true, placeholder: 'KIND', description: INTEGRATION_KINDS.join(', ') },
    'rate-limit': { type: 'string', placeholder: 'N', description: 'Alerts per minute before 429 (default 600000)' },
  },
  fields: { rateLimitPerMinute: 'rate-limit' },
  notes: TOKEN_NOTES,
  async run({ options, json, io }) {
    const kind = oneOf(options.kind, 'kind', INTEGRATION_KINDS)!;
    const rateLimitPerMinute = integerOption(options['rate-limit'], 'rateLimitPerMinute', 1, 1_000_000_000);
    const created = await withDeps((deps) =>
      createIntegration(deps, { name: options.name!, kind, ...(rateLimitPerMinute !== undefined && { rateLimitPerMinute }) }, SYSTEM_PRINCIPAL),
    );
    if (json) return io.out(toJson(created));
    printToken(io, created, 'Created');
  },
});

export const integrationList = defineCommand({
  name: 'integration list',
  summary: 'List alert integrations (tokens as their last 4 characters)',
  options: {},
  async run({ json, io }) {
    const items = await withDeps((deps) => listIntegrations(deps, SYSTEM_PRINCIPAL));
    if (json) return io.out(toJson({ items }));
    if (!items.length) return io.out('No integrations.\n');
    const rows = items.map((i) => [clean(i.name), i.kind, `…${i.tokenHint}`, String(i.rateLimitPerMinute), String(i.routes.length), i.id]);
    io.out(`${table(['NAME', 'KIND', 'TOKEN', 'PER MINUTE', 'ROUTES', 'ID'], rows)}\n`);
  },
});

export const integrationRotateToken = defineCommand({
  name: 'integration rotate-token',
  summary: 'Replace an integration’s token; the old one stops working at once',
  arguments: ['INTEGRATION'],
  options: {},
  notes: ['INTEGRATION is an integration name or id.', ...TOKEN_NOTES.slice(0, 1)],
  async run({ args, json, io }) {
    const rotated = await withDeps((deps) => rotateIntegrationToken(deps, args[0]!, SYSTEM_PRINCIPAL));
    if (json) return io.out(toJson(rotated));
    printToken(io, rotated, 'Rotated the token of');
  },
});
