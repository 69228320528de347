import { ValidationError } from '../../errors.js';
import { assertEditable } from './lifecycle.js';
import type { Postmortem } from './types.js';

export const SLO_NOTE_MAX = 2_000;

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
