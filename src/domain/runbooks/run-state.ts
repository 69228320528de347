import type { IncidentRole } from '../incidents/incident.js';
import type { IncidentStatus } from '../incidents/status.js';
import type { ActionKind, FieldValue, InviteTarget, LocalizedText, PageTarget } from './types.js';

export const RUN_STATUSES = ['running', 'completed', 'abandoned'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Who did something to a step, and when (UTC ISO). */
export interface StepMark {
  by: string;
  at: string;
}

export interface RecordedAnswer extends StepMark {
  value: FieldValue;
}

/** A run of one runbook on one incident; stored as JSON beside the definition it follows. */
export interface RunState {
  runbookId: string;
  /** `runbookVersion(definition)` of the definition the run started with. */
  version: string;
  status: RunStatus;
  /** The step waiting for a person; null once the run is completed or abandoned. */
  currentStepId: string | null;
  answers: Record<string, RecordedAnswer>;
  /** Tasks checked off, guidance read, confirmed actions carried out. */
  done: Record<string, StepMark>;
  skipped: Record<string, StepMark>;
  /** The steps people were shown, in order, the current one last: what `back` walks. */
  path: string[];
  startedAt: string;
  finishedAt: string | null;
}

/** What the run records on the incident's timeline; the use case adds the actor. */
export type RunbookTimelineDraft =
  | { kind: 'runbook.started'; payload: { runbookId: string; title: LocalizedText } }
  | { kind: 'runbook.answered'; payload: { runbookId: string; stepId: string; question: LocalizedText; answer: string; value: FieldValue } }
  | { kind: 'runbook.task_done'; payload: { runbookId: string; stepId: string; text: LocalizedText } }
  | { kind: 'runbook.step_skipped'; payload: { runbookId: string; stepId: string } }
  | { kind: 'runbook.action_taken'; payload: { runbookId: string; stepId: string; action: ActionKind } }
  | { kind: 'runbook.went_back'; payload: { runbookId: string; from: string; to: string } }
  | { kind: 'runbook.completed'; payload: { runbookId: string } }
  | { kind: 'runbook.abandoned'; payload: { runbookId: string; reason: string } };

/** What the use case must carry out, in order, after storing the new state. */
export type RunEffect =
  | { kind: 'set-field'; stepId: string; field: string; value: FieldValue }
  | { kind: 'set-severity'; stepId: string; severity: string }
  | { kind: 'set-status'; stepId: string; status: IncidentStatus }
  | { kind: 'invite'; stepId: string; target: InviteTarget }
  | { kind: 'page'; stepId: string; target: PageTarget }
  | { kind: 'post-update'; stepId: string; message: LocalizedText }
  | { kind: 'create-follow-up'; stepId: string; title: LocalizedText; assignee?: IncidentRole }
  | { kind: 'timeline'; entry: RunbookTimelineDraft };

export interface RunTransition {
  state: RunState;
  effects: RunEffect[];
}
