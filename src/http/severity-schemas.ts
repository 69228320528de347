import { Type } from 'typebox';
import { DateTime, L, Nullable } from './schemas.js';

const Localized = Type.Object({ en: Type.String(), ja: Type.String() });

export const PolicyProblem = Type.Object({
  path: Type.String({ description: 'rules[2].when.all[1].value; empty for the document as a whole' }),
  message: Type.String(),
  line: Type.Optional(Type.Integer()),
  column: Type.Optional(Type.Integer()),
  ruleId: Type.Optional(Type.String()),
  example: Type.Optional(Type.String()),
  file: Type.Optional(Type.String()),
});

const ExampleOutcome = Type.Object({
  name: Type.String(),
  expected: Nullable(Type.String()),
  actual: Nullable(Type.String()),
  ruleIds: Type.Array(Type.String()),
  passed: Type.Boolean(),
});

const Evidence = Type.Object({
  field: Type.String(),
  op: Type.String(),
  expected: Type.Unknown(),
  actual: Type.Unknown(),
  negated: Type.Optional(Type.Boolean()),
});

const Match = Type.Object({ ruleId: Type.String(), severity: Type.String(), reason: Localized, evidence: Type.Array(Evidence) });

export const PolicyText = Type.Object({ text: Type.String({ maxLength: 256 * 1024, description: 'The policy as YAML' }) }, { additionalProperties: false });

export const PolicyView = Type.Object({
  version: Type.Integer(),
  source: Type.Union([L('file'), L('api')]),
  text: Type.String(),
  policy: Type.Unknown({ description: 'The policy as data: {version, rules: [{id, severity, reason, when}], examples}' }),
  rules: Type.Array(Type.Object({ id: Type.String(), severity: Type.String(), reason: Localized, fields: Type.Array(Type.String()) })),
  createdBy: Type.Object({ type: Type.String(), id: Nullable(Type.String()), name: Type.String() }),
  createdAt: DateTime,
});

export const PolicyValidation = Type.Object({ ok: Type.Boolean(), problems: Type.Array(PolicyProblem), examples: Type.Array(ExampleOutcome) });

export const PolicyRefused = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  code: Type.String(),
  problems: Type.Optional(Type.Array(PolicyProblem, { description: 'severity.policy_invalid: every problem of the policy' })),
});

export const EvaluateBody = Type.Object(
  {
    facts: Type.Record(Type.String(), Type.Unknown(), { description: 'Facts as rules read them: cs_inquiries, service: {tier}, alert: {labels: {…}}, …' }),
    text: Type.Optional(Type.String({ maxLength: 256 * 1024, description: 'A draft policy to evaluate instead of the one in force' })),
  },
  { additionalProperties: false },
);

export const DryRun = Type.Object({ severity: Nullable(Type.String()), matches: Type.Array(Match), policyVersion: Nullable(Type.Integer()) });

export const PolicyFileLoad = Type.Object({
  file: Nullable(Type.String()),
  outcome: Type.Union([L('accepted'), L('unchanged'), L('refused'), L('absent')]),
  version: Nullable(Type.Integer()),
  problems: Type.Array(PolicyProblem),
});

export const ProposalAnswer = Type.Object(
  { proposalId: Type.Optional(Type.String({ description: 'The proposal the person saw; a newer one answers 409 severity.stale_proposal' })) },
  { additionalProperties: false },
);

export const IncidentIdParams = Type.Object({ id: Type.String({ minLength: 1 }) });
