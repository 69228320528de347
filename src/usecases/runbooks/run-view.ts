import { describeAnswer } from '../../domain/runbooks/answers.js';
import { availableMoves, currentStep, type RunMove } from '../../domain/runbooks/run.js';
import type { RunStatus } from '../../domain/runbooks/run-state.js';
import type { FieldValue, LocalizedText, RunbookStep } from '../../domain/runbooks/types.js';
import type { Executor } from '../../store/database.js';
import type { StoredRun } from '../../store/repositories/runbooks.js';
import { listUsersByIds } from '../../store/repositories/users.js';

/** A run only ever waits at a step for people: branches are decided on the way. */
export type WaitingStep = Exclude<RunbookStep, { type: 'branch' }>;

export interface RunAnswerView {
  stepId: string;
  question: LocalizedText;
  value: FieldValue;
  /** As people read it: option labels, `yes`, a time in UTC. */
  display: string;
  by: { id: string; name: string };
  at: string;
}

export interface RunView {
  id: string;
  incidentId: string;
  runbook: { id: string; title: LocalizedText };
  status: RunStatus;
  version: string;
  revision: number;
  /** The step waiting for a person, as data (texts in both languages); null once finished. */
  currentStep: WaitingStep | null;
  /** Earlier answer to the current question, kept when people went back: the suggestion. */
  suggestion: FieldValue | null;
  moves: RunMove[];
  answers: RunAnswerView[];
  done: string[];
  skipped: string[];
  progress: { answered: number; total: number };
  startedAt: string;
  finishedAt: string | null;
  slack: { channel: string; ts: string } | null;
}

/** Steps that wait for a person (branches and unconfirmed actions never do). */
export function stepsForPeople(steps: readonly RunbookStep[]): RunbookStep[] {
  return steps.filter((step) => step.type !== 'branch' && !(step.type === 'action' && !step.confirm));
}

export async function viewRuns(tx: Executor, runs: readonly StoredRun[]): Promise<RunView[]> {
  // Who answered, and the people user questions named.
  const people = runs.flatMap((run) =>
    Object.entries(run.state.answers).flatMap(([stepId, answer]) => (userAnswer(run, stepId) ? [answer.by, String(answer.value)] : [answer.by])),
  );
  const names = new Map((await listUsersByIds(tx, people.filter((id) => id !== 'system'))).map((user) => [user.id, user.name]));
  return runs.map((run) => present(run, (id) => names.get(id) ?? (id === 'system' ? 'Hikeshi' : id)));
}

export async function viewRun(tx: Executor, run: StoredRun): Promise<RunView> {
  return (await viewRuns(tx, [run]))[0]!;
}

function userAnswer(run: StoredRun, stepId: string): boolean {
  return run.definition.steps.some((step) => step.id === stepId && step.type === 'ask' && step.answer === 'user');
}

function present(run: StoredRun, nameOf: (id: string) => string): RunView {
  const { definition, state } = run;
  const step = (currentStep(definition, state) as WaitingStep | undefined) ?? null;
  const answers = definition.steps.flatMap((s): RunAnswerView[] => {
    const answer = state.answers[s.id];
    if (s.type !== 'ask' || !answer || s.id === state.currentStepId) return [];
    const display = s.answer === 'user' ? nameOf(String(answer.value)) : describeAnswer(s, answer.value);
    return [{ stepId: s.id, question: s.question, value: answer.value, display, by: { id: answer.by, name: nameOf(answer.by) }, at: answer.at }];
  });
  const settled = (ids: string[]) => ids.filter((id) => id !== state.currentStepId);
  const done = settled(Object.keys(state.done));
  const skipped = settled(Object.keys(state.skipped));
  return {
    id: run.id,
    incidentId: run.incidentId,
    runbook: { id: definition.id, title: definition.title },
    status: state.status,
    version: state.version,
    revision: run.revision,
    currentStep: step,
    suggestion: step ? (state.answers[step.id]?.value ?? null) : null,
    moves: availableMoves(definition, state),
    answers,
    done,
    skipped,
    progress: { answered: answers.length + done.length + skipped.length, total: stepsForPeople(definition.steps).length },
    startedAt: state.startedAt,
    finishedAt: state.finishedAt,
    slack: run.slackChannel && run.slackTs ? { channel: run.slackChannel, ts: run.slackTs } : null,
  };
}
