import { Type } from 'typebox';
import { readSlackStatus, type SlackConnection } from '../../usecases/slack-install/read-slack-status.js';
import { principalOf } from '../auth.js';
import { L, Nullable } from '../schemas.js';
import { errorResponses, type RouteModule } from './route-types.js';

const Source = Type.Union([L('installation'), L('environment')]);
const Scopes = Nullable(Type.Array(Type.String()));

const SlackStatus = Type.Object(
  {
    configured: Type.Boolean({ description: 'Slack is on: a bot token or OAuth client credentials are set' }),
    install: Type.Object({
      available: Type.Boolean(),
      path: Type.String({ description: 'Open this path in a browser to install Hikeshi (OAuth v2)' }),
      missing: Type.Array(Type.String(), { description: 'Environment variables to set before installing' }),
      installers: Type.Array(Type.String(), { description: 'settings.slack.installers: only these Slack users may install' }),
    }),
    strategy: Type.Union([L('bot'), L('user'), L('auto')]),
    mode: Type.Union([L('none'), L('bot'), L('bot_and_admin'), L('admin')], { description: 'The tokens Hikeshi acts with' }),
    guestsInvitable: Type.Boolean(),
    missingAdminToken: Type.Boolean({ description: 'The strategy asks for an admin token that Hikeshi does not have' }),
    team: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
    bot: Nullable(Type.Object({ source: Source, userId: Nullable(Type.String()), scopes: Scopes })),
    admin: Nullable(
      Type.Object({
        source: Source,
        userId: Type.String(),
        name: Type.String(),
        scopes: Scopes,
        verifiedAt: Nullable(Type.String({ format: 'date-time' })),
      }),
    ),
    adminProblem: Nullable(Type.Union([L('not_an_admin'), L('unverified')])),
    installedAt: Nullable(Type.String({ format: 'date-time' })),
    installedByUserId: Nullable(Type.String()),
    updatedAt: Nullable(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

/** GET /api/v1/slack/status: which Slack tokens are in force and whose they are (admins). */
export const slackSettingsRoutes =
  (slack: SlackConnection | undefined): RouteModule =>
  (app, deps) => {
    app.get(
      '/api/v1/slack/status',
      {
        schema: {
          tags: ['slack'],
          summary: 'Slack connection: token mode, bot, admin token holder and scopes; never the tokens (admin)',
          response: { 200: SlackStatus, ...errorResponses },
        },
      },
      async (request) => readSlackStatus(deps, slack, principalOf(request)),
    );
  };
