import { Type } from 'typebox';
import { DateTime, L, Nullable, Ref } from './schemas.js';

/**
 * Postmortems and action items. Bodies are checked for shape here; the domain checks the
 * values (a section the template lacks, a due date that is not a date) and answers 422
 * naming the field.
 */
const Localized = Type.Object({ en: Type.Optional(Type.String()), ja: Type.Optional(Type.String()) });
const PostmortemStatus = Type.Union([L('draft'), L('in_review'), L('published')]);
const ActionItemStatus = Type.Union([L('open'), L('done'), L('wont-do')]);
const UserId = Type.String({ minLength: 1, maxLength: 64, description: 'A user id' });
const DueDate = Type.String({ maxLength: 10, description: 'YYYY-MM-DD in the team’s time zone' });
const Url = Type.String({ maxLength: 2000, description: 'The ticket in the team’s tracker, http(s)' });

export const IncidentParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, description: 'Id, reference (INC-12) or number' }) });
export const ActionItemParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const ActionItem = Type.Object({
  id: Type.String(),
  incidentId: Type.String(),
  title: Type.String(),
  ownerId: Nullable(Type.String()),
  owner: Nullable(Ref),
  dueDate: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  status: ActionItemStatus,
  externalUrl: Nullable(Type.String()),
});

export const OpenActionItem = Type.Object({
  ...ActionItem.properties,
  incident: Type.Object({ id: Type.String(), reference: Type.String(), title: Type.String() }),
  daysOverdue: Type.Integer({ description: 'Whole days past the due date; 0 when not overdue' }),
});

export const CreateActionItemBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    ownerId: Type.Optional(Nullable(UserId)),
    dueDate: Type.Optional(Nullable(DueDate)),
    status: Type.Optional(ActionItemStatus),
    externalUrl: Type.Optional(Nullable(Url)),
  },
  { additionalProperties: false },
);

export const UpdateActionItemBody = Type.Partial(CreateActionItemBody, { additionalProperties: false });

export const ActionItemListQuery = Type.Object(
  { overdue: Type.Optional(Type.Boolean({ description: 'Only open items past their due date, most overdue first' })) },
  { additionalProperties: false },
);

export const Postmortem = Type.Object({
  incidentId: Type.String(),
  incident: Type.Object({ id: Type.String(), reference: Type.String(), title: Type.String(), severity: Type.String(), status: Type.String() }),
  status: PostmortemStatus,
  sections: Type.Array(
    Type.Object({
      id: Type.String(),
      heading: Localized,
      prompt: Nullable(Localized),
      generated: Type.Boolean({ description: 'Hikeshi writes this section from the incident’s record' }),
      actionItems: Type.Boolean({ description: 'The action items table is shown in this section' }),
      text: Type.String(),
      edited: Type.Boolean({ description: 'A person wrote here: regeneration leaves it alone' }),
    }),
  ),
  durations: Type.Array(Type.Object({ name: Type.String(), ms: Nullable(Type.Number()), reason: Nullable(Type.String()) })),
  readiness: Type.Object({
    percent: Type.Integer({ minimum: 0, maximum: 100 }),
    items: Type.Array(Type.Object({ id: Type.String(), label: Localized, done: Type.Boolean() })),
    missing: Type.Array(Type.Object({ id: Type.String(), label: Localized, reason: Localized })),
  }),
  actionItems: Type.Array(ActionItem),
  owner: Nullable(Ref),
  reviewers: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), approvedAt: Nullable(DateTime) })),
  meetingAt: Nullable(DateTime),
  timelineReviewed: Type.Boolean(),
  timelineReview: Nullable(Type.Object({ by: Ref, at: DateTime })),
  severityConfirmed: Type.Boolean({ description: 'The incident’s current severity was confirmed' }),
  severityConfirmation: Nullable(Type.Object({ severity: Type.String(), by: Ref, at: DateTime })),
  sloImpactNote: Type.String(),
  generatedAt: Nullable(DateTime),
  publishedAt: Nullable(DateTime),
});

export const RegeneratedPostmortem = Type.Object({
  ...Postmortem.properties,
  refreshed: Type.Array(Type.String(), { description: 'Generated sections rewritten from the incident’s record' }),
  kept: Type.Array(Type.String(), { description: 'Sections people edited, kept although the record now reads differently' }),
});

export const UpdatePostmortemBody = Type.Object(
  {
    sections: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$' }), Type.String(), { description: 'Section id → text (Markdown)' })),
    ownerId: Type.Optional(Nullable(UserId)),
    meetingAt: Type.Optional(Nullable(Type.String({ maxLength: 40, description: 'The review meeting, ISO 8601; reminders go out before it' }))),
    reviewers: Type.Optional(Type.Array(UserId, { maxItems: 20 })),
    timelineReviewed: Type.Optional(Type.Boolean()),
    severityConfirmed: Type.Optional(Type.Boolean({ description: 'true confirms the incident’s current severity' })),
    sloImpactNote: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);

export const TransitionBody = Type.Object({ to: PostmortemStatus }, { additionalProperties: false });

export const MarkdownQuery = Type.Object({ lang: Type.Optional(Type.Union([L('en'), L('ja')])) }, { additionalProperties: false });
