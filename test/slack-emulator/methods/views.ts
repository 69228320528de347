import { randomBytes } from 'node:crypto';
import { json, need, str } from '../args.js';
import { fail } from '../errors.js';
import type { EmulatedView } from '../model.js';
import { viewJson } from '../serialize.js';
import type { Workspace } from '../workspace.js';
import type { CallContext, MethodTable } from './types.js';

const MAX_STACK = 3; // "After a modal is opened, the app is limited to pushing 2 additional views"

function definition(ctx: CallContext): Record<string, unknown> {
  const view = json(ctx.args, 'view', 'invalid_arguments');
  if (!view || typeof view !== 'object' || Array.isArray(view)) fail('invalid_arguments');
  if (JSON.stringify(view).length > 250 * 1024) fail('view_too_large');
  return view as Record<string, unknown>;
}

/** Any non-empty trigger id, unless `strictTriggerIds`: then issued ones, once, within 3 s. */
function useTrigger(ctx: CallContext): string {
  const id = need(ctx.args, 'trigger_id', 'invalid_trigger_id');
  if (!ctx.ws.settings.strictTriggerIds) return id;
  const trigger = ctx.ws.triggers.get(id);
  if (!trigger) fail('invalid_trigger_id');
  if (trigger.used) fail('exchanged_trigger_id');
  if (ctx.ws.now() - trigger.issued > 3000) fail('expired_trigger_id');
  trigger.used = true;
  return id;
}

function newHash(ws: Workspace): string {
  return `${ws.seconds()}.${randomBytes(4).toString('hex')}`;
}

function checkExternalId(ws: Workspace, def: Record<string, unknown>, self?: EmulatedView): string {
  const externalId = typeof def.external_id === 'string' ? def.external_id : '';
  if (externalId && [...ws.views.values()].some((v) => v !== self && v.external_id === externalId)) {
    fail('duplicate_external_id');
  }
  return externalId;
}

function create(ws: Workspace, def: Record<string, unknown>, rootId: string | null, previous: string | null, trigger?: string) {
  const id = ws.nextId('V');
  const view: EmulatedView = {
    id,
    type: typeof def.type === 'string' ? def.type : 'modal',
    definition: def,
    external_id: checkExternalId(ws, def),
    hash: newHash(ws),
    root_view_id: rootId ?? id,
    previous_view_id: previous,
    trigger_id: trigger,
    closed: false,
  };
  ws.views.set(id, view);
  return view;
}

function find(ctx: CallContext): EmulatedView {
  const viewId = str(ctx.args, 'view_id');
  const externalId = str(ctx.args, 'external_id');
  const view = viewId
    ? ctx.ws.views.get(viewId)
    : [...ctx.ws.views.values()].find((v) => externalId && v.external_id === externalId);
  if (!view) fail('not_found');
  return view;
}

export const viewMethods: MethodTable = {
  'views.open': {
    tier: 4,
    tokens: ['bot'],
    handler: (ctx) => {
      const trigger = useTrigger(ctx);
      return { view: viewJson(ctx.ws, create(ctx.ws, definition(ctx), null, null, trigger)) };
    },
  },
  'views.push': {
    tier: 4,
    tokens: ['bot'],
    handler: (ctx) => {
      const trigger = useTrigger(ctx);
      const def = definition(ctx);
      const views = [...ctx.ws.views.values()].filter((v) => v.type === 'modal' && !v.closed);
      const root = views.filter((v) => v.id === v.root_view_id).at(-1);
      if (!root) fail('not_found');
      const stack = views.filter((v) => v.root_view_id === root.id);
      if (stack.length >= MAX_STACK) fail('push_limit_reached');
      return { view: viewJson(ctx.ws, create(ctx.ws, def, root.id, stack.at(-1)!.id, trigger)) };
    },
  },
  'views.update': {
    tier: 4,
    tokens: ['bot'],
    handler: (ctx) => {
      const view = find(ctx);
      const def = definition(ctx);
      const hash = str(ctx.args, 'hash');
      if (hash && hash !== view.hash) fail('hash_conflict');
      view.external_id = checkExternalId(ctx.ws, def, view) || view.external_id;
      view.definition = def;
      view.hash = newHash(ctx.ws);
      return { view: viewJson(ctx.ws, view) };
    },
  },
  'views.publish': {
    tier: 4,
    tokens: ['bot'],
    handler: (ctx) => {
      const userId = need(ctx.args, 'user_id', 'invalid_arguments');
      if (!ctx.ws.user(userId)) fail('invalid_arguments');
      const def = definition(ctx);
      const hash = str(ctx.args, 'hash');
      const existing = [...ctx.ws.views.values()].find((v) => v.type === 'home' && v.user_id === userId);
      if (existing) {
        if (hash && hash !== existing.hash) fail('hash_conflict');
        existing.definition = def;
        existing.hash = newHash(ctx.ws);
        return { view: viewJson(ctx.ws, existing) };
      }
      const view = create(ctx.ws, { ...def, type: 'home' }, null, null);
      view.user_id = userId;
      return { view: viewJson(ctx.ws, view) };
    },
  },
};
