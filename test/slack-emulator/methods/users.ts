import { need, paginate } from '../args.js';
import { fail } from '../errors.js';
import { userJson } from '../serialize.js';
import { both, type MethodTable } from './types.js';

export const userMethods: MethodTable = {
  'users.info': {
    tier: 4,
    scopes: both('users:read'),
    handler: ({ ws, args, token }) => {
      const user = ws.user(need(args, 'user', 'user_not_found'));
      if (!user) fail('user_not_found');
      return { user: userJson(ws, user, token.scopes.includes('users:read.email')) };
    },
  },
  'users.list': {
    tier: 2,
    scopes: both('users:read'),
    handler: ({ ws, args, token }) => {
      const page = paginate([...ws.users.values()], args, 1000);
      const withEmail = token.scopes.includes('users:read.email');
      return {
        members: page.items.map((u) => userJson(ws, u, withEmail)),
        cache_ts: ws.seconds(),
        response_metadata: { next_cursor: page.nextCursor },
      };
    },
  },
  'users.lookupByEmail': {
    tier: 3,
    scopes: both('users:read.email'),
    handler: ({ ws, args }) => {
      const email = need(args, 'email', 'users_not_found').toLowerCase();
      const user = [...ws.users.values()].find((u) => u.email?.toLowerCase() === email);
      if (!user) fail('users_not_found');
      return { user: userJson(ws, user, true) };
    },
  },
};
