import { ValidationError } from '../../errors.js';
import type { Incident } from './incident.js';
import type { HumanTimelineKind, TimelineDraft } from './timeline.js';

export const ENTRY_BODY_MAX = 10_000;

/** A note or a status update written by a person. */
export function writeEntry(incident: Incident, kind: HumanTimelineKind, body: string): TimelineDraft {
  const text = body.trim();
  if (!text) throw new ValidationError('body', 'must not be empty');
  if ([...text].length > ENTRY_BODY_MAX) throw new ValidationError('body', `must be at most ${ENTRY_BODY_MAX} characters`);
  return kind === 'note'
    ? { kind: 'note', payload: { body: text } }
    : { kind: 'status_update', payload: { body: text, status: incident.status } };
}
