import { bool } from '../args.js';
import type { MethodTable } from './types.js';

export const authMethods: MethodTable = {
  'auth.test': {
    tier: 'special',
    handler: ({ ws, token, actor }) => ({
      url: `https://${ws.team.domain}.slack.com/`,
      team: ws.team.name,
      user: actor.name,
      team_id: ws.team.id,
      user_id: actor.id,
      ...(token.kind === 'bot' ? { bot_id: actor.bot_id } : {}),
      is_enterprise_install: false,
    }),
  },
  'auth.revoke': {
    tier: 3,
    handler: ({ ws, args, token }) => {
      const test = bool(args, 'test');
      if (!test) ws.revokeToken(token.token);
      return { revoked: !test };
    },
  },
};
