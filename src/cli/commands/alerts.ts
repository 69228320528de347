import { acknowledgeAlert, resolveAlert } from '../../usecases/alerts/change-alert-status.js';
import { getAlert, listAlerts, type AlertStatusFilter } from '../../usecases/alerts/read-alerts.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { integerOption, oneOf } from '../args.js';
import { defineCommand } from '../command.js';
import { toJson } from '../output.js';
import { alertDetails, alertTable } from '../present/alerts.js';
import { withDeps } from '../session.js';

const ALERT_NOTE = 'ALERT is an alert number (12 or #12) or id.';

export const alertList = defineCommand({
  name: 'alert list',
  summary: 'List alerts, newest first',
  options: {
    status: { type: 'string', placeholder: 'STATUS', description: 'open (firing or acknowledged), firing, acknowledged or resolved' },
    integration: { type: 'string', placeholder: 'INTEGRATION', description: 'Only from this integration (name or id)' },
    service: { type: 'string', placeholder: 'SERVICE', description: 'Only routed to this service (name or id)' },
    q: { type: 'string', placeholder: 'TEXT', description: 'Words in the title, summary or dedup key' },
    limit: { type: 'string', placeholder: 'N', description: 'At most N alerts (1-500, default 50)' },
    cursor: { type: 'string', placeholder: 'CURSOR', description: 'Continue after a previous page of results' },
  },
  async run({ options, json, io }) {
    const status = oneOf<AlertStatusFilter>(options.status, 'status', ['open', 'firing', 'acknowledged', 'resolved']);
    const limit = integerOption(options.limit, 'limit', 1, 500);
    const result = await withDeps((deps) =>
      listAlerts(
        deps,
        {
          ...(status && { status }),
          ...(options.integration !== undefined && { integrations: [options.integration] }),
          ...(options.service !== undefined && { services: [options.service] }),
          ...(options.q !== undefined && { q: options.q }),
          ...(limit !== undefined && { limit }),
          ...(options.cursor !== undefined && { cursor: options.cursor }),
        },
        SYSTEM_PRINCIPAL,
      ),
    );
    if (json) return io.out(toJson(result));
    io.out(alertTable(result.items));
    if (result.nextCursor) io.err(`More: hikeshi alert list --cursor ${result.nextCursor}\n`);
  },
});

export const alertShow = defineCommand({
  name: 'alert show',
  summary: 'Show an alert: where it was routed and its timeline',
  arguments: ['ALERT'],
  options: {},
  notes: [ALERT_NOTE],
  async run({ args, json, io }) {
    const alert = await withDeps((deps) => getAlert(deps, args[0]!, SYSTEM_PRINCIPAL));
    io.out(json ? toJson(alert) : alertDetails(alert));
  },
});

export const alertAck = defineCommand({
  name: 'alert ack',
  summary: 'Acknowledge an alert; the page it is on is acknowledged by the running server',
  arguments: ['ALERT'],
  options: {},
  notes: [ALERT_NOTE],
  async run({ args, json, io }) {
    const alert = await withDeps((deps) => acknowledgeAlert(deps, SYSTEM_PRINCIPAL, args[0]!));
    io.out(json ? toJson(alert) : `Alert #${alert.number} is ${alert.status}.\n`);
  },
});

export const alertResolve = defineCommand({
  name: 'alert resolve',
  summary: 'Resolve an alert; its page resolves once all of its alerts have (the running server carries it out)',
  arguments: ['ALERT'],
  options: {},
  notes: [ALERT_NOTE],
  async run({ args, json, io }) {
    const alert = await withDeps((deps) => resolveAlert(deps, SYSTEM_PRINCIPAL, args[0]!));
    io.out(json ? toJson(alert) : `Alert #${alert.number} is ${alert.status}.\n`);
  },
});
