import type { DocumentPath } from './problems.js';
import { END, type RunbookStep } from './types.js';

/** An arrow from one step to another (or to `end`), with the place in the document that draws it. */
export interface StepEdge {
  from: string;
  to: string;
  at: DocumentPath;
}

/**
 * Where a step can lead. Without `next` a step falls through to the one below it, and
 * the last one ends the run; a branch leads to each case's goto and to its default.
 */
export function stepEdges(steps: readonly RunbookStep[], index: number): StepEdge[] {
  const step = steps[index]!;
  const fallThrough = steps[index + 1]?.id ?? END;
  const at = (...rest: Array<string | number>): DocumentPath => ['steps', index, ...rest];
  if (step.type === 'branch') {
    return [
      ...step.cases.map((c, i) => ({ from: step.id, to: c.goto, at: at('cases', i, 'goto') })),
      { from: step.id, to: step.default ?? fallThrough, at: step.default === undefined ? at() : at('default') },
    ];
  }
  return [{ from: step.id, to: step.next ?? fallThrough, at: step.next === undefined ? at() : at('next') }];
}

/** Every loop in the step graph, each as the steps that form it and the arrow that closes it. */
export function findCycles(steps: readonly RunbookStep[]): Array<{ steps: string[]; closedAt: DocumentPath }> {
  const edges = new Map(steps.map((step, index) => [step.id, stepEdges(steps, index)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: Array<{ steps: string[]; closedAt: DocumentPath }> = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    stack.push(id);
    for (const edge of edges.get(id) ?? []) {
      if (!edges.has(edge.to)) continue;
      if (state.get(edge.to) === 'open') cycles.push({ steps: [...stack.slice(stack.indexOf(edge.to)), edge.to], closedAt: edge.at });
      else if (!state.has(edge.to)) visit(edge.to);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const step of steps) if (!state.has(step.id)) visit(step.id);
  return cycles;
}

/** The ids of the steps a run starting at `from` can arrive at (`from` included). */
export function reachableFrom(steps: readonly RunbookStep[], from: string): Set<string> {
  const indexOf = new Map(steps.map((step, index) => [step.id, index]));
  const seen = new Set<string>();
  const queue = indexOf.has(from) ? [from] : [];
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const edge of stepEdges(steps, indexOf.get(id)!)) if (indexOf.has(edge.to) && !seen.has(edge.to)) queue.push(edge.to);
  }
  return seen;
}
