import { compileSchedule } from '../../../src/domain/oncall/compile.js';
import { layerShifts } from '../../../src/domain/oncall/queries.js';
import type { Schedule as EngineSchedule } from '../../../src/domain/oncall/types.js';
import type { Schedule, ScheduleLayer } from '../api/types.js';

export interface LayerRow {
  layer: ScheduleLayer;
  shifts: Array<{ userId: string; start: string; end: string }>;
}

/**
 * Each layer's own turns over [from, to), before higher layers and overrides cover them,
 * as PagerDuty draws its layers. The API answers only the merged shifts, so the browser
 * runs the server's own pure schedule engine on the stored schedule: the rows cannot
 * disagree with the final shifts the server computes. Null when the engine refuses the
 * schedule (the server then reports the same problem).
 */
export function layerRows(schedule: Schedule, from: number, to: number): LayerRow[] | null {
  try {
    const compiled = compileSchedule({
      id: schedule.id,
      timeZone: schedule.timeZone,
      layers: schedule.layers as EngineSchedule['layers'],
      overrides: [],
    });
    return schedule.layers.map((layer) => ({ layer, shifts: layerShifts(compiled, layer.id, new Date(from), new Date(to)) }));
  } catch {
    return null;
  }
}
