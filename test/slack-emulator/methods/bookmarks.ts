import { need, str } from '../args.js';
import { fail } from '../errors.js';
import type { Bookmark } from '../model.js';
import type { Workspace } from '../workspace.js';
import { both, type MethodTable } from './types.js';

function bookmarkJson(ws: Workspace, b: Bookmark): Record<string, unknown> {
  return { ...b, icon_url: null, entity_id: null, date_updated: b.date_created, rank: 'U', last_updated_by_user_id: b.created_by, last_updated_by_team_id: ws.team.id, shortcut_id: null, app_id: null };
}

export const bookmarkMethods: MethodTable = {
  'bookmarks.add': {
    tier: 2,
    scopes: both('bookmarks:write'),
    handler: ({ ws, args, actor, resolveChannel }) => {
      const channel = resolveChannel(str(args, 'channel_id'));
      const title = need(args, 'title');
      const type = need(args, 'type');
      if (type !== 'link') fail('invalid_bookmark_type');
      const link = str(args, 'link') ?? '';
      if (!/^https?:\/\//.test(link)) fail('invalid_link');
      const bookmark: Bookmark = {
        id: ws.nextId('Bk'),
        channel_id: channel.id,
        title,
        link,
        emoji: str(args, 'emoji') ?? '',
        type,
        date_created: ws.seconds(),
        created_by: actor.id,
      };
      ws.bookmarks.push(bookmark);
      return { bookmark: bookmarkJson(ws, bookmark) };
    },
  },
  'bookmarks.list': {
    tier: 3,
    scopes: both('bookmarks:read'),
    handler: ({ ws, args, resolveChannel }) => {
      const channel = resolveChannel(str(args, 'channel_id'));
      return { bookmarks: ws.bookmarks.filter((b) => b.channel_id === channel.id).map((b) => bookmarkJson(ws, b)) };
    },
  },
};
