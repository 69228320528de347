import { ValidationError } from '../../errors.js';
import { toIso, toMs } from './instants.js';
import { rotaLayer, rotaOverrides, type RotaRole, type RotaShift } from './rota-csv.js';
import type { ExplicitLayer, ExplicitShift, Layer, Override } from './types.js';

export type RotaMode = 'overrides' | 'layer';
export const ROTA_MODES: readonly RotaMode[] = ['overrides', 'layer'];

/** Overrides written by an import carry this id prefix; a later import replaces them where it has shifts. */
export const ROTA_OVERRIDE_PREFIX = 'rota-';

export interface RotaApplication {
  layers: Layer[];
  overrides: Override[];
  /** The role's rota shifts (one per accepted row) that were applied. */
  applied: number;
  /** Earlier imported shifts cut back or removed because the new rota covers their time. */
  replaced: number;
}

/**
 * Applies one role's shifts of a parsed rota to a schedule, without I/O:
 * - `overrides`: each run of a person's shifts becomes an override above every layer;
 * - `layer`: they go into the explicit layer `rota-<role>` (added on top when new).
 * Earlier imported shifts (that layer's, or overrides named `rota-…`) are cut away where
 * the new rota has someone, so re-importing an edited month replaces it instead of
 * stacking copies; elsewhere they stay. Hand-made overrides and other layers are kept.
 */
export function applyRota(
  schedule: { layers: readonly Layer[]; overrides: readonly Override[] },
  shifts: readonly RotaShift[],
  options: { mode: RotaMode; role: RotaRole; newId: () => string },
): RotaApplication {
  const { mode, role, newId } = options;
  const mine = shifts.filter((s) => s.role === role);
  const covered = mine.map((s) => [toMs(s.start, 'start'), toMs(s.end, 'end')] as const);
  let replaced = 0;
  const cut = <T extends { start: string; end: string }>(items: readonly T[], relabel: (item: T, piece: number) => T): T[] =>
    items.flatMap((item) => {
      const pieces = subtract([toMs(item.start, 'start'), toMs(item.end, 'end')], covered);
      if (pieces.length !== 1 || pieces[0]![0] !== toMs(item.start, 'start') || pieces[0]![1] !== toMs(item.end, 'end')) replaced++;
      return pieces.map(([start, end], i) => relabel({ ...item, start: toIso(start), end: toIso(end) }, i));
    });

  if (mode === 'overrides') {
    const kept = schedule.overrides.flatMap((o) =>
      o.id.startsWith(ROTA_OVERRIDE_PREFIX) ? cut([o], (x, i) => (i === 0 ? x : { ...x, id: `${ROTA_OVERRIDE_PREFIX}${newId()}` })) : [o],
    );
    const added = rotaOverrides(mine, role, () => `${ROTA_OVERRIDE_PREFIX}${newId()}`);
    return { layers: [...schedule.layers], overrides: [...kept, ...added], applied: mine.length, replaced };
  }

  const id = `rota-${role}`;
  const fresh = rotaLayer(mine, role, { id, name: `Spreadsheet rota (${role})` });
  const index = schedule.layers.findIndex((l) => l.id === id);
  const existing = schedule.layers[index];
  let layers: Layer[];
  if (existing === undefined) {
    layers = [...schedule.layers, fresh];
  } else {
    if (existing.kind !== 'explicit') {
      throw new ValidationError(`layers[${index}].id`, `${id} is a rotation layer; the rota import writes its own explicit layer under that id`);
    }
    // Old shifts first, so where two old ones overlap their order (and winner) is unchanged.
    const shifts: ExplicitShift[] = [...cut(existing.shifts, (x) => x), ...fresh.shifts];
    const layer: ExplicitLayer = { kind: 'explicit', id, name: existing.name || fresh.name, shifts };
    layers = schedule.layers.map((l, i) => (i === index ? layer : l));
  }
  return { layers, overrides: [...schedule.overrides], applied: mine.length, replaced };
}

/** The parts of `[start, end)` outside every interval of `holes`. */
export function subtract(span: readonly [number, number], holes: readonly (readonly [number, number])[]): [number, number][] {
  let pieces: [number, number][] = [[span[0], span[1]]];
  for (const [hs, he] of holes) {
    pieces = pieces.flatMap(([s, e]): [number, number][] => {
      if (he <= s || hs >= e) return [[s, e]];
      return [
        ...(hs > s ? [[s, hs] as [number, number]] : []),
        ...(he < e ? [[he, e] as [number, number]] : []),
      ];
    });
    if (pieces.length === 0) break;
  }
  return pieces;
}
