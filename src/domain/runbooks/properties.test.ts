import { describe, expect, it } from 'vitest';
import type { AnswerInput } from './answers.js';
import { BUILT_IN_FIELDS } from './fields.js';
import { answerStep, availableMoves, completeTask, currentStep, goBack, proceed, skipStep, startRun, type RunMove } from './run.js';
import type { RunState, RunTransition } from './run-state.js';
import { ANSWER_TYPES, type AskStep, type RunbookDefinition } from './types.js';
import { validateRunbook } from './validate.js';

/** A small seeded generator, so a failure names a seed that reproduces it. */
function random(seed: number) {
  let t = seed >>> 0;
  const next = () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

/** Raw definitions whose arrows all point forward, so many are valid; the validator has the last word. */
function generateRaw(seed: number): unknown {
  const rng = random(seed);
  const count = rng.int(1, 6);
  const ids = Array.from({ length: count }, (_, i) => `s${i}`);
  const later = (i: number) => rng.pick([...ids.slice(i + 1), 'end']);
  const asks: Array<{ id: string; answer: string; options?: string[] }> = [];
  const steps = ids.map((id, i) => {
    const type = rng.pick(['ask', 'ask', 'task', 'info', 'action', 'branch'] as const);
    const next = rng.chance(0.25) ? { next: later(i) } : {};
    if (type === 'ask') {
      const answer = rng.pick(ANSWER_TYPES);
      const options = answer === 'choice' || answer === 'multi-choice' ? ['a', 'b', 'c'].slice(0, rng.int(1, 3)) : undefined;
      const validation: Record<string, unknown> = { required: rng.chance(0.5) };
      if (answer === 'number' && rng.chance(0.5)) Object.assign(validation, { min: rng.int(-5, 5), max: rng.int(6, 20) });
      if (answer === 'text' && rng.chance(0.5)) Object.assign(validation, { min: rng.int(0, 3), pattern: '[a-z]+' });
      if (answer === 'multi-choice' && rng.chance(0.5)) validation.min = 1;
      asks.push({ id, answer, ...(options ? { options } : {}) });
      return { id, type, question: `${id}?`, answer, ...(options ? { options } : {}), validation, ...next };
    }
    if (type === 'task') return { id, type, text: id, required: rng.chance(0.5), ...next };
    if (type === 'info') return { id, type, text: id, ...next };
    if (type === 'action') {
      const confirm = rng.chance(0.5);
      return { id, type, action: 'set-field', field: 'summary', value: id, confirm, ...(confirm ? { required: rng.chance(0.5) } : {}), ...next };
    }
    const cases = asks.slice(-2).flatMap((asked) => {
      const when =
        asked.answer === 'yes-no'
          ? { step: asked.id, yes: rng.chance(0.5) }
          : asked.answer === 'number'
            ? { step: asked.id, gte: rng.int(0, 10) }
            : asked.answer === 'time'
              ? { step: asked.id, lte: '2026-12-01T00:00:00Z' }
              : asked.options
                ? { step: asked.id, in: [rng.pick(asked.options)] }
                : { step: asked.id, equals: 'x' };
      return [{ when, goto: later(i) }];
    });
    if (!cases.length) return { id, type: 'info', text: id, ...next };
    return { id, type, cases, ...(rng.chance(0.5) ? { default: later(i) } : {}) };
  });
  return { id: `gen-${seed}`, title: 'Generated', steps };
}

/** Answers that pass the question's validation; yes-no, numbers and choices vary so branches go both ways. */
function validInputs(step: AskStep): AnswerInput[] {
  const { min, max } = step.validation;
  switch (step.answer) {
    case 'text':
      return ['x'.repeat(Math.max(min ?? 1, 1))];
    case 'number':
      return [min ?? 0, max ?? 15];
    case 'choice':
      return step.options!.map((o) => o.value);
    case 'multi-choice':
      return [step.options!.map((o) => o.value)];
    case 'yes-no':
      return ['yes', 'no'];
    case 'user':
      return ['U0ALICE'];
    case 'time':
      return ['2026-11-30T23:00Z', '2026-12-01T09:00+09:00'];
  }
}

function successors(definition: RunbookDefinition, state: RunState): Array<{ move: RunMove; result: RunTransition }> {
  const step = currentStep(definition, state)!;
  const ctx = { by: 'u', at: new Date('2026-12-01T00:00:00Z') };
  return availableMoves(definition, state).flatMap((move): Array<{ move: RunMove; result: RunTransition }> => {
    switch (move) {
      case 'answer':
        return validInputs(step as AskStep).map((input) => ({ move, result: answerStep(definition, state, step.id, input, ctx) }));
      case 'complete':
        return [{ move, result: completeTask(definition, state, step.id, ctx) }];
      case 'proceed':
        return [{ move, result: proceed(definition, state, step.id, ctx) }];
      case 'skip':
        return [{ move, result: skipStep(definition, state, step.id, ctx) }];
      case 'back':
        return [{ move, result: goBack(definition, state) }];
      case 'abandon':
        return []; // a way out, but not forward
    }
  });
}

/** Presses the first forward button (answer, check off, continue) until the run completes. */
function walkForward(definition: RunbookDefinition, state: RunState): RunState {
  let current = state;
  for (let i = 0; i <= definition.steps.length && current.status === 'running'; i++) {
    const forward = successors(definition, current).find((s) => s.move !== 'back' && s.move !== 'skip');
    if (!forward) return current;
    current = forward.result.state;
  }
  return current;
}

describe('a run never gets stuck (generated runbooks)', () => {
  const definitions: RunbookDefinition[] = [];
  for (let seed = 1; definitions.length < 300 && seed < 5_000; seed++) {
    const { runbook } = validateRunbook(generateRaw(seed), { severities: ['SEV1'], fields: BUILT_IN_FIELDS });
    if (runbook) definitions.push(runbook);
  }

  it('generates enough valid runbooks, with branches among them', () => {
    expect(definitions.length).toBe(300);
    expect(definitions.filter((d) => d.steps.some((s) => s.type === 'branch')).length).toBeGreaterThan(30);
  });

  it('from every reachable state every offered move works, and pressing forward reaches completed', () => {
    let statesChecked = 0;
    for (const definition of definitions) {
      const seen = new Set<string>();
      const queue: RunState[] = [startRun(definition, { by: 'u', at: new Date('2026-12-01T00:00:00Z') }).state];
      while (queue.length && seen.size < 150) {
        const state = queue.shift()!;
        const key = JSON.stringify([state.currentStepId, state.path, state.answers, state.status]);
        if (seen.has(key)) continue;
        seen.add(key);
        statesChecked++;
        if (state.status === 'completed') continue;
        expect(state.status, definition.id).toBe('running');
        expect(availableMoves(definition, state), `${definition.id} at ${state.currentStepId}`).not.toEqual(['abandon']);
        expect(walkForward(definition, state).status, `${definition.id} from ${state.currentStepId}`).toBe('completed');
        for (const { result } of successors(definition, state)) queue.push(result.state);
      }
    }
    expect(statesChecked).toBeGreaterThan(1_000);
  });
});
