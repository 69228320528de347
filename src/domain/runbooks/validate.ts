import { findCycles, reachableFrom } from './graph.js';
import { parseInstant } from './instant.js';
import { type DocumentPath, ProblemList, type RunbookProblem, formatPath, quote } from './problems.js';
import { checkKeys, isRecord, readId, readLocalized, readString } from './read.js';
import { type RunbookContext, readStep } from './read-steps.js';
import { placeholders } from './text.js';
import { END, type AskStep, type BranchCondition, type RunbookDefinition, type RunbookStep, type RunbookTrigger } from './types.js';

export type { RunbookContext } from './read-steps.js';

export const STEPS_MAX = 200;

export interface RunbookValidation {
  /** Present when there is no error (warnings allowed). */
  runbook?: RunbookDefinition;
  problems: RunbookProblem[];
}

/**
 * Validates a runbook given as data (the API and the web editor); the same checks and
 * messages as a file, without line numbers. Every problem is listed, not just the first.
 */
export function validateRunbook(raw: unknown, ctx: RunbookContext): RunbookValidation {
  const { runbook, problems } = checkRunbook(raw, ctx);
  return {
    ...(runbook ? { runbook } : {}),
    problems: problems.items.map((item) => ({ level: item.level, path: formatPath(item.at), message: item.message })),
  };
}

/** The checks themselves, with each problem's path as segments so a file reader can find its line. */
export function checkRunbook(raw: unknown, ctx: RunbookContext): { runbook?: RunbookDefinition; problems: ProblemList } {
  const problems = new ProblemList();
  if (!isRecord(raw)) {
    problems.error([], 'a runbook must be a map with id, title, triggers and steps');
    return { problems };
  }
  checkKeys(raw, ['id', 'title', 'description', 'triggers', 'steps'], [], problems);
  const id = readId(raw.id, ['id'], problems);
  const title = readLocalized(raw.title, ['title'], problems, true);
  const description = readLocalized(raw.description, ['description'], problems, false);
  const triggers = readTriggers(raw.triggers, ctx, problems);
  const steps = readSteps(raw.steps, ctx, problems);
  if (steps) checkStepGraph(steps, problems);
  if (problems.hasErrors || id === undefined || title === undefined || !steps) return { problems };
  return { runbook: { id, title, ...(description ? { description } : {}), triggers, steps: steps.steps }, problems };
}

function readTriggers(raw: unknown, ctx: RunbookContext, problems: ProblemList): RunbookTrigger[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.error(['triggers'], 'must be a list (e.g. - severity: SEV2, - service: payments, - tag: db, - manual)');
    return [];
  }
  const triggers: RunbookTrigger[] = [];
  raw.forEach((item, index) => {
    const at: DocumentPath = ['triggers', index];
    if (item === 'manual') {
      if (raw.length > 1) problems.error(at, 'manual means started by hand only, so it cannot be combined with other triggers');
      return;
    }
    if (!isRecord(item)) {
      problems.error(at, `must be manual or a map of severity, service, tag (got ${quote(item)})`);
      return;
    }
    checkKeys(item, ['severity', 'service', 'tag'], at, problems);
    const trigger: RunbookTrigger = {};
    const severity = readString(item.severity, [...at, 'severity'], problems, false);
    if (severity !== undefined) {
      if (ctx.severities.includes(severity)) trigger.severityAtLeast = severity;
      else problems.error([...at, 'severity'], `unknown severity ${quote(severity)} (expected ${ctx.severities.join(', ')})`);
    }
    const service = readString(item.service, [...at, 'service'], problems, false);
    if (service !== undefined) trigger.service = service;
    const tag = readString(item.tag, [...at, 'tag'], problems, false);
    if (tag !== undefined) trigger.tag = tag;
    if (['severity', 'service', 'tag'].every((key) => item[key] === undefined)) problems.error(at, 'needs at least one of severity, service, tag');
    triggers.push(trigger);
  });
  return triggers;
}

/** The steps read, and every id declared (a step of unknown type still has one others may point to). */
interface ReadSteps {
  steps: RunbookStep[];
  /** Each read step's index in the document (steps that could not be read leave gaps). */
  positions: number[];
  declared: Set<string>;
  /** Every step was read and no id repeats: arrows and loops can be followed. */
  complete: boolean;
}

function readSteps(raw: unknown, ctx: RunbookContext, problems: ProblemList): ReadSteps | undefined {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.error(['steps'], 'a runbook needs a non-empty list of steps');
    return undefined;
  }
  if (raw.length > STEPS_MAX) {
    problems.error(['steps'], `at most ${STEPS_MAX} steps`);
    return undefined;
  }
  const result: ReadSteps = { steps: [], positions: [], declared: new Set(), complete: true };
  const firstAt = new Map<string, number>();
  raw.forEach((item, index) => {
    const step = readStep(item, ['steps', index], ctx, problems);
    const id = step?.id || (isRecord(item) && typeof item.id === 'string' ? item.id : undefined);
    if (id) result.declared.add(id);
    if (!step) {
      result.complete = false;
      return;
    }
    if (step.id && firstAt.has(step.id)) {
      problems.error(['steps', index, 'id'], `duplicate step id ${quote(step.id)} (first used by steps[${firstAt.get(step.id)}])`);
      result.complete = false;
    } else if (step.id) {
      firstAt.set(step.id, index);
    }
    result.steps.push(step);
    result.positions.push(index);
  });
  return result;
}

function checkStepGraph({ steps, positions, declared, complete }: ReadSteps, problems: ProblemList): void {
  const byId = new Map<string, RunbookStep>();
  for (const step of steps) if (!byId.has(step.id)) byId.set(step.id, step);
  const explicitTargets = steps.flatMap((step, i): Array<{ to: string; at: DocumentPath }> => {
    const index = positions[i]!;
    if (step.type === 'branch') {
      return [
        ...step.cases.map((c, caseIndex) => ({ to: c.goto, at: ['steps', index, 'cases', caseIndex, 'goto'] })),
        ...(step.default === undefined ? [] : [{ to: step.default, at: ['steps', index, 'default'] }]),
      ];
    }
    return step.next === undefined ? [] : [{ to: step.next, at: ['steps', index, 'next'] }];
  });
  let targetsKnown = true;
  for (const target of explicitTargets) {
    if (target.to === END || declared.has(target.to)) continue;
    problems.error(target.at, `goes to step ${quote(target.to)}, which does not exist (steps: ${[...declared].join(', ')}, or end)`);
    targetsKnown = false;
  }
  // Loops and reachability need every step in its place: a step of unknown type or a
  // repeated id would move the arrows and report loops or gaps that are not there.
  const cycles = complete && targetsKnown ? findCycles(steps) : [];
  for (const cycle of cycles) {
    problems.error(cycle.closedAt, `steps ${cycle.steps.join(' → ')} form a loop, so a run could go round forever; runbooks only move forward (people use back to revisit a step)`);
  }
  const followable = complete && targetsKnown && !cycles.length;
  if (followable) {
    const reachable = reachableFrom(steps, steps[0]!.id);
    steps.forEach((step, index) => {
      if (!reachable.has(step.id)) problems.warn(['steps', index], `step ${quote(step.id)} can never be reached`);
    });
  }
  steps.forEach((step, i) => {
    const index = positions[i]!;
    if (step.type === 'branch') {
      step.cases.forEach((c, caseIndex) => {
        const at: DocumentPath = ['steps', index, 'cases', caseIndex, 'when'];
        const asked = byId.get(c.when.step);
        if (!asked && declared.has(c.when.step)) return; // that step has its own error
        checkCondition(c.when, asked, steps, step.id, at, problems, followable);
      });
    }
    if (step.type === 'action' && (step.action.kind === 'post-update' || step.action.kind === 'create-follow-up')) {
      const text = step.action.kind === 'post-update' ? step.action.message : step.action.title;
      const key = step.action.kind === 'post-update' ? 'message' : 'title';
      for (const ref of placeholders(text)) {
        if (byId.get(ref)?.type !== 'ask') problems.error(['steps', index, key], `{{${ref}}} does not name a question (an ask step) of this runbook`);
      }
    }
  });
}

function checkCondition(
  when: BranchCondition,
  asked: RunbookStep | undefined,
  steps: RunbookStep[],
  branchId: string,
  at: DocumentPath,
  problems: ProblemList,
  followable: boolean,
): void {
  if (!asked || asked.type !== 'ask') {
    problems.error([...at, 'step'], `${quote(when.step)} is not a question (an ask step) of this runbook`);
    return;
  }
  if (followable && !reachableFrom(steps, asked.id).has(branchId)) {
    problems.error([...at, 'step'], `question ${quote(asked.id)} is never asked before this branch, so the branch could not use its answer`);
  }
  const problem = conditionProblem(when, asked);
  if (problem) problems.error(problem.at ? [...at, problem.at] : at, problem.message);
}

function conditionProblem(when: BranchCondition, asked: AskStep): { at?: string; message: string } | undefined {
  const type = asked.answer;
  const options = asked.options?.map((option) => option.value);
  const notAnOption = (values: unknown[]) => values.filter((value) => !options?.includes(String(value)));
  if ('yes' in when) return type === 'yes-no' ? undefined : { at: 'yes', message: `yes applies to a yes-no question; ${quote(asked.id)} is ${type}` };
  if ('gte' in when || 'lte' in when) {
    const operator = 'gte' in when ? 'gte' : 'lte';
    const value = 'gte' in when ? when.gte : when.lte;
    if (type === 'number') return typeof value === 'number' ? undefined : { at: operator, message: `must be a number (got ${quote(value)})` };
    if (type === 'time') return typeof value === 'string' && parseInstant(value) ? undefined : { at: operator, message: `must be an ISO 8601 time with an offset (got ${quote(value)})` };
    return { at: operator, message: `${operator} applies to number and time questions; ${quote(asked.id)} is ${type}` };
  }
  const operator = 'equals' in when ? 'equals' : 'in';
  const values = 'equals' in when ? [when.equals] : when.in;
  if (type === 'yes-no') return { at: operator, message: `use yes: true|false for the yes-no question ${quote(asked.id)}` };
  if (type === 'time') return { at: operator, message: `use gte or lte for the time question ${quote(asked.id)}` };
  if (type === 'choice' || type === 'multi-choice') {
    if (!options?.length) return undefined; // the question's own error says it has no options
    const wrong = notAnOption(values);
    return wrong.length ? { at: operator, message: `${wrong.map(quote).join(', ')} is not an option of ${quote(asked.id)} (options: ${options?.join(', ')})` } : undefined;
  }
  const expected = type === 'number' ? 'number' : 'string';
  const wrong = values.filter((value) => typeof value !== expected);
  return wrong.length ? { at: operator, message: `${quote(asked.id)} is a ${type} question, so compare it with ${expected}s (got ${wrong.map(quote).join(', ')})` } : undefined;
}
