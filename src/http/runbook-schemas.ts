import { Type } from 'typebox';
import { DateTime, L, Nullable } from './schemas.js';

/**
 * Runbooks and their runs. Definitions and steps are passed through as data (the format is
 * src/domain/runbooks/README.md); texts are `{en, ja}`.
 */
const Localized = Type.Object({ en: Type.Optional(Type.String()), ja: Type.Optional(Type.String()) });
const Trigger = Type.Object({
  severityAtLeast: Type.Optional(Type.String()),
  service: Type.Optional(Type.String()),
  tag: Type.Optional(Type.String()),
});
const Source = Type.Union([L('file'), L('api')]);

export const RunbookSummary = Type.Object({
  id: Type.String(),
  title: Localized,
  description: Nullable(Localized),
  triggers: Type.Array(Trigger, { description: 'Empty: started by hand only' }),
  source: Source,
  file: Nullable(Type.String({ description: 'The file it was read from (source file)' })),
  stepCount: Type.Integer(),
  version: Type.String({ description: 'A fingerprint of the definition' }),
});

export const RunbookDetail = Type.Object({
  ...RunbookSummary.properties,
  definition: Type.Unknown({ description: 'The runbook as data, as validated' }),
  yaml: Nullable(Type.String({ description: 'The YAML text it came as' })),
  updatedAt: DateTime,
});

export const RunbookList = Type.Object({ items: Type.Array(RunbookSummary) });

export const RunbookParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const YAML_MAX = 200_000;
export const RunbookYamlBody = Type.Object({ yaml: Type.String({ maxLength: YAML_MAX }) }, { additionalProperties: false });
export const ValidateRunbookBody = Type.Union([
  RunbookYamlBody,
  Type.Object({ definition: Type.Unknown({ description: 'The runbook as data' }) }, { additionalProperties: false }),
]);

const Problem = Type.Object({
  level: Type.Union([L('error'), L('warning')]),
  path: Type.String({ description: 'steps[3].type; empty for the document as a whole' }),
  message: Type.String(),
  line: Type.Optional(Type.Integer()),
  column: Type.Optional(Type.Integer()),
});

export const RunbookValidation = Type.Object({
  valid: Type.Boolean(),
  problems: Type.Array(Problem),
  runbook: Type.Optional(Type.Object({ id: Type.String(), title: Type.String(), stepCount: Type.Integer() })),
});

export const RunbookRefused = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  code: Type.String(),
  field: Type.Optional(Type.String()),
  problems: Type.Optional(Type.Array(Problem, { description: 'runbook.invalid: every problem of the runbook' })),
});

const RunStatus = Type.Union([L('running'), L('completed'), L('abandoned')]);
const Move = Type.Union([L('answer'), L('complete'), L('proceed'), L('skip'), L('back'), L('abandon')]);

export const RunView = Type.Object({
  id: Type.String(),
  incidentId: Type.String(),
  runbook: Type.Object({ id: Type.String(), title: Localized }),
  status: RunStatus,
  version: Type.String(),
  revision: Type.Integer({ description: 'Grows with every move' }),
  currentStep: Type.Unknown({ description: 'The step waiting for a person, as data (texts in both languages); null once finished' }),
  suggestion: Type.Unknown({ description: 'The earlier answer to the current question when people went back; null otherwise' }),
  moves: Type.Array(Move),
  answers: Type.Array(
    Type.Object({
      stepId: Type.String(),
      question: Localized,
      value: Type.Unknown(),
      display: Type.String(),
      by: Type.Object({ id: Type.String(), name: Type.String() }),
      at: DateTime,
    }),
  ),
  done: Type.Array(Type.String()),
  skipped: Type.Array(Type.String()),
  progress: Type.Object({ answered: Type.Integer(), total: Type.Integer() }),
  startedAt: DateTime,
  finishedAt: Nullable(DateTime),
  slack: Nullable(Type.Object({ channel: Type.String(), ts: Type.String() })),
});

export const RunList = Type.Object({ items: Type.Array(RunView) });
export const RunParams = Type.Object({ runId: Type.String({ minLength: 1, maxLength: 64 }) });
export const StepParams = Type.Object({ runId: Type.String({ minLength: 1, maxLength: 64 }), stepId: Type.String({ minLength: 1, maxLength: 64 }) });
export const IncidentParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const StartRunBody = Type.Object({ runbookId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
export const StepMoveBody = Type.Object(
  {
    action: Type.Union([L('answer'), L('complete'), L('proceed'), L('skip')]),
    value: Type.Optional(
      Type.Union([Type.String({ maxLength: 10_000 }), Type.Number(), Type.Boolean(), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }), Type.Null()], {
        description: 'The answer (action answer): text, a number, yes/no, a list for multi-choice; a time as ISO 8601 with an offset',
      }),
    ),
  },
  { additionalProperties: false },
);
export const AbandonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1_000 }) }, { additionalProperties: false });
