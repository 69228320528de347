import { Type } from 'typebox';
import type { PushedBucket } from '../../domain/slo/pushed-buckets.js';
import { ValidationError } from '../../errors.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { formatSloProblem } from '../../usecases/slos/load-slos.js';
import { importSlos } from '../../usecases/slos/manage-slos.js';
import { pushSliEvents } from '../../usecases/slos/push-sli-events.js';
import { getSlo, listSlos, type SloView } from '../../usecases/slos/read-slos.js';
import { SloRefusedError } from '../../usecases/slos/slo-errors.js';
import { defineCommand } from '../command.js';
import { readDataFile, readTextFile } from '../data-file.js';
import { clean, keyValues, table, toJson } from '../output.js';
import { withDeps } from '../session.js';

const Bucket = Type.Object({ start: Type.String(), good: Type.Number(), total: Type.Number() }, { additionalProperties: false });
const BucketsFile = Type.Union([Type.Object({ buckets: Type.Array(Bucket) }, { additionalProperties: false }), Type.Array(Bucket)]);

const percent = (value: number | null, digits = 3) => (value === null ? '—' : `${(value * 100).toFixed(digits).replace(/\.?0+$/, '')} %`);
const windowText = (slo: SloView) => {
  const window = slo.window as { kind: 'rolling'; days: number } | { kind: 'calendar'; unit: string; timeZone: string };
  return window.kind === 'rolling' ? `${window.days}d rolling` : `calendar ${window.unit} (${window.timeZone})`;
};

export const sloList = defineCommand({
  name: 'slo list',
  summary: 'List SLOs: service, objective, window, where their minutes come from',
  options: {},
  async run({ json, io }) {
    const { items } = await withDeps((deps) => listSlos(deps, SYSTEM_PRINCIPAL));
    if (json) return io.out(toJson({ items }));
    if (!items.length) return io.out('No SLOs.\n');
    const rows = items.map((s) => [s.id, clean(s.service), percent(s.objective), windowText(s), (s.source as { kind: string }).kind, s.origin === 'file' ? clean(s.file ?? 'file') : 'api']);
    io.out(`${table(['ID', 'SERVICE', 'OBJECTIVE', 'WINDOW', 'SOURCE', 'FROM'], rows)}\n`);
  },
});

export const sloShow = defineCommand({
  name: 'slo show',
  summary: 'Show an SLO\'s status now: attainment, budget left, burn rates, projected exhaustion',
  arguments: ['SLO'],
  options: {},
  async run({ args, json, io }) {
    const slo = await withDeps((deps) => getSlo(deps, args[0]!, SYSTEM_PRINCIPAL));
    if (json) return io.out(toJson(slo));
    const s = slo.status;
    const unit = s.unit === 'events' ? 'events' : 'minutes';
    const rates = Object.entries(s.burn.rates).map(([window, rate]) => `${window} ${rate === null ? '—' : `${(rate as number).toFixed(2)}×`}`).join('  ');
    io.out(
      `${keyValues([
        ['SLO', `${slo.id}: ${clean(slo.name)} (${clean(slo.service)})${s.estimated ? ' — estimated from incidents' : ''}`],
        ['Objective', `${percent(slo.objective)} over ${windowText(slo)}`],
        ['Window', `${s.window.start} → ${s.window.end}`],
        ['Attainment', percent(s.attainment, 4)],
        ['Budget', `${s.budget.toFixed(2)} ${unit}; spent ${s.consumed.toFixed(2)}; left ${s.remaining.toFixed(2)} (${percent(s.remainingFraction, 1)})`],
        ['Health', `${s.health.replace('_', ' ')}${s.coverage < 1 ? `; data for ${percent(s.coverage, 1)} of the window` : ''}`],
        ['Burn', `${s.burn.state}   ${rates}`],
        ['Exhausted at', s.exhaustionAt ?? 'not at this rate'],
        ['Gaps', s.gaps.length ? s.gaps.slice(-5).map((g) => `${g.start}→${g.end} ${g.reason}`).join('; ') : 'none'],
      ])}\n`,
    );
  },
});

export const sloImport = defineCommand({
  name: 'slo import',
  summary: 'Import an OpenSLO v1, Sloth prometheus/v1 or Hikeshi SLO file through the API rules (all or none)',
  arguments: ['FILE'],
  options: {},
  notes: ['Files in the slos folder are read at start instead; import is for SLOs managed through the API.'],
  async run({ args, json, io }) {
    const file = args[0]!;
    const text = readTextFile(file, 'file');
    try {
      const result = await withDeps((deps) => importSlos(deps, { text, file }, SYSTEM_PRINCIPAL));
      if (json) return io.out(toJson(result));
      io.out(`Imported ${result.items.length} SLO(s): ${[...result.created.map((id) => `${id} (new)`), ...result.updated.map((id) => `${id} (replaced)`)].join(', ')}\n`);
    } catch (error) {
      if (error instanceof SloRefusedError) io.err(`${error.problems.map((p) => `  ${formatSloProblem(p)}`).join('\n')}\n`);
      throw error;
    }
  },
});

export const sloPush = defineCommand({
  name: 'slo push',
  summary: 'Push per-minute good/total buckets for an SLO with `push: true` (a minute sent again replaces it)',
  arguments: ['SLO'],
  options: {
    file: { type: 'string', required: true, placeholder: 'FILE', description: 'JSON or YAML: {buckets: [{start, good, total}]} or the list alone' },
  },
  notes: ['Example bucket: {"start": "2026-11-20T09:15:00Z", "good": 11873, "total": 11890}'],
  async run({ args, options, json, io }) {
    const read = readDataFile<{ buckets: PushedBucket[] } | PushedBucket[]>(options.file!, BucketsFile);
    const buckets = Array.isArray(read) ? read : read.buckets;
    const result = await withDeps((deps) => pushSliEvents(deps, args[0]!, buckets, SYSTEM_PRINCIPAL)).catch((error: unknown) => {
      // Name the bucket by its place in the file, as the API does (the CLI would read the field as a flag).
      throw error instanceof ValidationError ? new ValidationError('file', `${options.file}: ${error.field} ${error.reason}`) : error;
    });
    if (json) return io.out(toJson(result));
    io.out(`Stored ${result.accepted} minute(s) for ${args[0]}.\n`);
  },
});
