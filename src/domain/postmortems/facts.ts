import { ValidationError } from '../../errors.js';
import { applyActionItem, type ActionItemInput } from './action-items.js';
import { assertEditable } from './lifecycle.js';
import type { Postmortem } from './types.js';

export const SLO_NOTE_MAX = 2_000;
export const ACTION_ITEMS_MAX = 100;

/** Someone read the generated timeline against what happened. */
export function markTimelineReviewed(postmortem: Postmortem, by: string, at: Date): Postmortem {
  assertEditable(postmortem);
  return { ...postmortem, timelineReviewed: { by, at: at.toISOString() } };
}

/** The severity people agree the incident had, once the facts are in. */
export function confirmSeverity(postmortem: Postmortem, severity: string, severities: readonly string[], by: string, at: Date): Postmortem {
  assertEditable(postmortem);
  if (!severities.includes(severity)) throw new ValidationError('severity', `must be one of ${severities.join(', ')} (got "${severity}")`);
  return { ...postmortem, severityConfirmed: { severity, by, at: at.toISOString() } };
}

/** What the incident cost in SLO terms, in words; empty clears it. */
export function setSloImpactNote(postmortem: Postmortem, note: string): Postmortem {
  assertEditable(postmortem);
  const text = note.trim();
  if ([...text].length > SLO_NOTE_MAX) throw new ValidationError('sloImpactNote', `must be at most ${SLO_NOTE_MAX} characters`);
  return { ...postmortem, sloImpactNote: text || null };
}

/** Adds an action item (a new id) or changes one (an existing id). */
export function saveActionItem(postmortem: Postmortem, id: string, input: ActionItemInput): Postmortem {
  assertEditable(postmortem);
  const index = postmortem.actionItems.findIndex((item) => item.id === id);
  if (index < 0 && postmortem.actionItems.length >= ACTION_ITEMS_MAX) throw new ValidationError('actionItems', `at most ${ACTION_ITEMS_MAX} action items`);
  const item = applyActionItem(index < 0 ? { id } : postmortem.actionItems[index]!, input);
  const actionItems = index < 0 ? [...postmortem.actionItems, item] : postmortem.actionItems.map((existing, i) => (i === index ? item : existing));
  return { ...postmortem, actionItems };
}

export function removeActionItem(postmortem: Postmortem, id: string): Postmortem {
  assertEditable(postmortem);
  return { ...postmortem, actionItems: postmortem.actionItems.filter((item) => item.id !== id) };
}
