import type { AnswerType, FieldType, KnownFields } from './types.js';

/**
 * The incident's own fields a runbook may write, by the names files use (the roles are
 * user fields: an answer assigns the role). Custom fields
 * (cs_inquiries, affected_users, ...) come from settings and are passed in beside these.
 */
export const BUILT_IN_FIELDS: KnownFields = {
  impact_started_at: { type: 'time' },
  detected_at: { type: 'time' },
  summary: { type: 'text' },
  commander: { type: 'user' },
  communications: { type: 'user' },
  scribe: { type: 'user' },
};

/** Which field types an answer of each type may be written to. */
export const FIELD_TYPES_FOR_ANSWER: Record<AnswerType, readonly FieldType[]> = {
  text: ['text'],
  number: ['number'],
  choice: ['choice', 'text'],
  'multi-choice': [],
  'yes-no': ['boolean'],
  user: ['user'],
  time: ['time'],
};
