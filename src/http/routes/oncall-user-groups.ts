import { Type } from 'typebox';
import { configureUserGroup, stopUserGroupSync } from '../../usecases/oncall/user-groups/configure-user-group.js';
import { userGroupStatus } from '../../usecases/oncall/user-groups/user-group-status.js';
import { principalOf } from '../auth.js';
import { ScheduleParams } from '../oncall-schemas.js';
import { DateTime, L, Nullable } from '../schemas.js';
import { errorResponses, type RouteModule } from './route-types.js';

const tags = ['on-call'];

const Person = Type.Object({ userId: Type.String(), name: Type.String(), slackUserId: Nullable(Type.String()) });

const UserGroupStatus = Type.Object({
  schedule: Type.Object({ id: Type.String(), name: Type.String() }),
  handle: Type.String({ description: 'The group\'s mention handle, without the @' }),
  usergroupId: Nullable(Type.String({ description: 'Slack\'s id of the group, once a sync created or adopted it' })),
  members: Type.Array(Type.String(), { description: 'Slack user ids the group was last set to (or found holding)' }),
  guestsLeftOut: Type.Array(Person, { description: 'On call at the last sync but left out: Slack refuses guests in user groups. `@Hikeshi oncall` reaches them.' }),
  leftOut: Type.Array(
    Type.Object({ ...Person.properties, reason: Type.Union([L('guest'), L('bot'), L('deactivated'), L('no_slack_account')]) }),
    { description: 'Everyone on call at the last sync who is not in the group, and why' },
  ),
  lastSyncAt: Nullable(DateTime),
  lastSyncResult: Nullable(Type.Union([L('set'), L('unchanged'), L('kept'), L('failed')], { description: '`set` wrote members; `unchanged` found them right; `kept` left the group as it was (nobody on call may be a member); `failed` could not write' })),
  lastSyncDetail: Nullable(Type.String({ description: 'Which token wrote, or why the sync could not' })),
  warning: Nullable(Type.String({ description: 'Why the last sync kept the group as it was or could not write it (names the Slack setting to change); null after a clean sync' })),
  warningAt: Nullable(DateTime),
});

const ConfigureBody = Type.Object(
  { handle: Type.Optional(Type.String({ minLength: 1, maxLength: 81, description: 'The group\'s handle (default `oncall`)' })) },
  { additionalProperties: false },
);

/** A schedule's Slack user group, kept equal to who is on call at every handoff. */
export const oncallUserGroupRoutes: RouteModule = (app, deps) => {
  app.put('/api/v1/schedules/:id/slack-user-group', {
    schema: {
      tags,
      summary: 'Sync a Slack user group (default @oncall) with who is on call (admin): created when Slack has none with that handle, else adopted; set at every handoff and reconciled every 10 minutes. Guests and bots are left out, and the group is never emptied',
      params: ScheduleParams,
      body: ConfigureBody,
      response: { 200: UserGroupStatus, ...errorResponses },
    },
  }, async (request) => configureUserGroup(deps, request.params.id, request.body, principalOf(request)));

  app.get('/api/v1/schedules/:id/slack-user-group', {
    schema: { tags, summary: 'How the schedule\'s user group sync stands: members, guests left out, the last sync and warning', params: ScheduleParams, response: { 200: UserGroupStatus, ...errorResponses } },
  }, async (request) => userGroupStatus(deps, request.params.id, principalOf(request)));

  app.delete('/api/v1/schedules/:id/slack-user-group', {
    schema: { tags, summary: 'Stop syncing the schedule\'s user group (admin); the group stays in Slack as it is', params: ScheduleParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await stopUserGroupSync(deps, request.params.id, principalOf(request));
    return reply.code(204).send(null);
  });
};
