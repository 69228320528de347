import { ValidationError } from '../../errors.js';
import { ACTION_ITEM_STATUSES, type ActionItem, type ActionItemStatus } from './types.js';

export const ACTION_ITEM_TITLE_MAX = 200;

/** What a person sends to add or change an action item; absent keys stay as they are. */
export interface ActionItemInput {
  title?: string;
  ownerId?: string | null;
  dueDate?: string | null;
  status?: string;
  externalUrl?: string | null;
}

/** Applies an input to an item (or to a new one, given its ids), refusing a bad field by name. */
export function applyActionItem(current: ActionItem | { id: string; incidentId: string }, input: ActionItemInput): ActionItem {
  const base: ActionItem =
    'title' in current ? current : { id: current.id, incidentId: current.incidentId, title: '', ownerId: null, dueDate: null, status: 'open', externalUrl: null };
  const next = { ...base };
  if (input.title !== undefined) {
    const title = input.title.trim();
    if (!title) throw new ValidationError('title', 'must not be empty');
    if ([...title].length > ACTION_ITEM_TITLE_MAX) throw new ValidationError('title', `must be at most ${ACTION_ITEM_TITLE_MAX} characters`);
    next.title = title;
  }
  if (!next.title) throw new ValidationError('title', 'is required');
  if (input.ownerId !== undefined) next.ownerId = input.ownerId?.trim() || null;
  if (input.dueDate !== undefined) next.dueDate = input.dueDate === null || input.dueDate.trim() === '' ? null : validDate(input.dueDate.trim());
  if (input.status !== undefined) {
    if (!(ACTION_ITEM_STATUSES as readonly string[]).includes(input.status)) {
      throw new ValidationError('status', `must be one of ${ACTION_ITEM_STATUSES.join(', ')} (got "${input.status}")`);
    }
    next.status = input.status as ActionItemStatus;
  }
  if (input.externalUrl !== undefined) {
    const url = input.externalUrl?.trim() || null;
    if (url !== null && !/^https?:\/\/\S+$/.test(url)) throw new ValidationError('externalUrl', `must be an http(s) URL (got "${url}")`);
    next.externalUrl = url;
  }
  return next;
}

function validDate(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = (match?.slice(1) ?? []).map(Number) as [number, number, number];
  const valid = match && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!valid) throw new ValidationError('dueDate', `must be a date as YYYY-MM-DD (got "${text}")`);
  return text;
}

export interface OverdueItem {
  item: ActionItem;
  daysOverdue: number;
}

/**
 * Open items whose due date has passed, most overdue first. `today` is the calendar date
 * (YYYY-MM-DD) in the team's time zone: an item due today is not overdue yet.
 */
export function overdue(items: readonly ActionItem[], today: string): OverdueItem[] {
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  return items
    .filter((item) => item.status === 'open' && item.dueDate !== null && item.dueDate < today)
    .map((item) => ({ item, daysOverdue: day(today) - day(item.dueDate!) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.item.title.localeCompare(b.item.title));
}
