import type { PageStatusFilter } from '../../usecases/paging/read-pages.js';
import { acknowledgePage } from '../../usecases/paging/acknowledge-page.js';
import { getPage, listPages } from '../../usecases/paging/read-pages.js';
import { resolvePage } from '../../usecases/paging/resolve-page.js';
import { triggerPage } from '../../usecases/paging/trigger-page.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { integerOption, oneOf } from '../args.js';
import { defineCommand } from '../command.js';
import { toJson } from '../output.js';
import { pageDetails, pageTable } from '../present/paging.js';
import { withDeps } from '../session.js';

const PAGE_NOTE = 'PAGE is a page number (12 or #12) or id.';

export const pageCreate = defineCommand({
  name: 'page create',
  summary: 'Page an escalation policy, a schedule\'s on-call or a person',
  options: {
    policy: { type: 'string', placeholder: 'POLICY', description: 'Escalation policy (name or id): escalates until someone acknowledges' },
    schedule: { type: 'string', placeholder: 'SCHEDULE', description: 'Whoever is on call on this schedule now (no escalation)' },
    user: { type: 'string', placeholder: 'USER', description: 'This person: email, Slack id, name or id (no escalation)' },
    message: { type: 'string', required: true, placeholder: 'TEXT', description: 'What is wrong (up to 500 characters)' },
    details: { type: 'string', placeholder: 'TEXT', description: 'More context' },
    incident: { type: 'string', placeholder: 'INCIDENT', description: 'The incident this is about (INC-12 or id)' },
  },
  fields: { escalationPolicyId: 'policy', scheduleId: 'schedule', userId: 'user', incidentId: 'incident' },
  notes: ['Give exactly one of --policy, --schedule and --user. The running server sends the notifications.'],
  async run({ options, json, io }) {
    const page = await withDeps((deps) =>
      triggerPage(deps, SYSTEM_PRINCIPAL, {
        message: options.message!,
        source: 'cli',
        ...(options.details !== undefined && { details: options.details }),
        ...(options.policy !== undefined && { escalationPolicyId: options.policy }),
        ...(options.schedule !== undefined && { scheduleId: options.schedule }),
        ...(options.user !== undefined && { userId: options.user }),
        ...(options.incident !== undefined && { incidentId: options.incident }),
      }),
    );
    if (json) return io.out(toJson(page));
    const people = [...new Set(page.notifications.map((n) => n.recipient.name))];
    io.out(`Page #${page.number} triggered; level 1 notifies ${people.length ? people.join(', ') : 'no one (see hikeshi page show)'}.\n`);
  },
});

export const pageList = defineCommand({
  name: 'page list',
  summary: 'List pages, newest first',
  options: {
    status: { type: 'string', placeholder: 'STATUS', description: 'open (triggered or acknowledged), triggered, acknowledged or resolved' },
    limit: { type: 'string', placeholder: 'N', description: 'At most N pages (1-200, default 50)' },
    cursor: { type: 'string', placeholder: 'CURSOR', description: 'Continue after a previous page of results' },
  },
  async run({ options, json, io }) {
    const status = oneOf<PageStatusFilter>(options.status, 'status', ['open', 'triggered', 'acknowledged', 'resolved']);
    const limit = integerOption(options.limit, 'limit', 1, 200);
    const result = await withDeps((deps) =>
      listPages(deps, SYSTEM_PRINCIPAL, { ...(status && { status }), ...(limit !== undefined && { limit }), ...(options.cursor !== undefined && { cursor: options.cursor }) }),
    );
    if (json) return io.out(toJson(result));
    io.out(pageTable(result.items));
    if (result.nextCursor) io.err(`More: hikeshi page list --cursor ${result.nextCursor}\n`);
  },
});

export const pageShow = defineCommand({
  name: 'page show',
  summary: 'Show a page: its notifications and its record',
  arguments: ['PAGE'],
  options: {},
  notes: [PAGE_NOTE],
  async run({ args, json, io }) {
    const page = await withDeps((deps) => getPage(deps, SYSTEM_PRINCIPAL, args[0]!));
    io.out(json ? toJson(page) : pageDetails(page));
  },
});

export const pageAck = defineCommand({
  name: 'page ack',
  summary: 'Acknowledge a page: escalation stops',
  arguments: ['PAGE'],
  options: {},
  notes: [PAGE_NOTE],
  async run({ args, json, io }) {
    const page = await withDeps((deps) => acknowledgePage(deps, SYSTEM_PRINCIPAL, args[0]!, 'cli'));
    io.out(json ? toJson(page) : `Page #${page.number} is ${page.status}.\n`);
  },
});

export const pageResolve = defineCommand({
  name: 'page resolve',
  summary: 'Resolve a page',
  arguments: ['PAGE'],
  options: {},
  notes: [PAGE_NOTE],
  async run({ args, json, io }) {
    const page = await withDeps((deps) => resolvePage(deps, SYSTEM_PRINCIPAL, args[0]!, 'cli'));
    io.out(json ? toJson(page) : `Page #${page.number} is ${page.status}.\n`);
  },
});
