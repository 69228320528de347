import { configureUserGroup, stopUserGroupSync } from '../../usecases/oncall/user-groups/configure-user-group.js';
import { userGroupStatus, type UserGroupStatus } from '../../usecases/oncall/user-groups/user-group-status.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { UsageError } from '../args.js';
import { defineCommand } from '../command.js';
import { clean, formatTime, keyValues, toJson } from '../output.js';
import { withDeps } from '../session.js';

export const scheduleUserGroup = defineCommand({
  name: 'schedule user-group',
  summary: "Keep a Slack user group (default @oncall) equal to who is on call, stop, or show the sync's status",
  arguments: ['SCHEDULE'],
  options: {
    handle: { type: 'string', placeholder: 'HANDLE', description: 'Sync this group (created when Slack has none with the handle, else adopted)' },
    off: { type: 'boolean', description: 'Stop syncing; the group stays in Slack as it is' },
  },
  notes: [
    'SCHEDULE is a schedule name or id. Without flags, shows the status: members, guests left',
    'out (Slack refuses guests in user groups; `@Hikeshi oncall` reaches them), the last sync and',
    'its warning. Members are set at every handoff and checked every 10 minutes by the server.',
    'Example:',
    '  hikeshi schedule user-group Payments --handle oncall',
  ],
  async run({ args, options, json, io }) {
    const schedule = args[0]!;
    if (options.off && options.handle !== undefined) throw new UsageError('use one of --handle and --off');
    if (options.off) {
      await withDeps((deps) => stopUserGroupSync(deps, schedule, SYSTEM_PRINCIPAL));
      return io.out(json ? toJson({ removed: true }) : `No longer syncing a user group for ${clean(schedule)}; the group stays in Slack as it is.\n`);
    }
    const status = await withDeps((deps) =>
      options.handle === undefined
        ? userGroupStatus(deps, schedule, SYSTEM_PRINCIPAL)
        : configureUserGroup(deps, schedule, { handle: options.handle }, SYSTEM_PRINCIPAL),
    );
    if (json) return io.out(toJson(status));
    const headline = options.handle === undefined ? '' : `Syncing @${status.handle} with ${clean(status.schedule.name)}; the first sync runs at once (with the server's job runner).\n`;
    io.out(`${headline}${describe(status)}\n`);
  },
});

function describe(status: UserGroupStatus): string {
  const people = (list: { name: string }[]) => (list.length ? list.map((p) => clean(p.name)).join(', ') : 'none');
  return keyValues([
    ['Schedule', clean(status.schedule.name)],
    ['Group', `@${status.handle}${status.usergroupId ? ` (${status.usergroupId})` : ' (not in Slack yet)'}`],
    ['Members', status.members.length ? status.members.join(', ') : 'none'],
    ['Guests left out', people(status.guestsLeftOut)],
    ['Last sync', status.lastSyncAt ? `${formatTime(status.lastSyncAt)}: ${status.lastSyncResult} (${clean(status.lastSyncDetail ?? '')})` : 'not yet'],
    ['Warning', status.warning ? clean(status.warning) : 'none'],
  ]);
}
