import { ROTA_MODES } from '../../domain/oncall/apply-rota.js';
import { ROTA_SYNC } from '../../domain/oncall/rota-fetch-policy.js';
import { removeRotaSource } from '../../usecases/oncall/rota-sources/remove-rota-source.js';
import { readRotaSource, type RotaSourceStatus } from '../../usecases/oncall/rota-sources/rota-source-status.js';
import { setRotaSource } from '../../usecases/oncall/rota-sources/set-rota-source.js';
import { syncRotaSourceNow } from '../../usecases/oncall/rota-sources/sync-rota-source-now.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { integerOption, oneOf, UsageError } from '../args.js';
import { defineCommand } from '../command.js';
import type { Io } from '../io.js';
import { clean, formatTime, keyValues, toJson } from '../output.js';
import { lineProblems } from '../present/line-problems.js';
import { withDeps } from '../session.js';

export const scheduleRotaSource = defineCommand({
  name: 'schedule rota-source',
  summary: "Sync a schedule from a published spreadsheet (CSV address), stop, sync now, or show the sync's status",
  arguments: ['SCHEDULE'],
  options: {
    url: { type: 'string', placeholder: 'URL', description: "The sheet's published-as-CSV address (http or https), or - to read it from standard input (out of the shell history); replaces the previous one" },
    mode: { type: 'string', placeholder: 'MODE', description: "With --url: overrides (default: above the layers) or layer (the schedule's own rota layer)" },
    role: { type: 'string', placeholder: 'ROLE', description: 'With --url: primary (default) or secondary: which column feeds this schedule' },
    every: { type: 'string', placeholder: 'MINUTES', description: `With --url: minutes between checks (${ROTA_SYNC.minIntervalMinutes}-${ROTA_SYNC.maxIntervalMinutes}, default ${ROTA_SYNC.defaultIntervalMinutes})` },
    column: { type: 'string', multiple: true, placeholder: 'HEADER=COLUMN', description: 'With --url: map a header to date, start, end, primary or secondary' },
    off: { type: 'boolean', description: 'Stop syncing; the shifts applied stay' },
    'sync-now': { type: 'boolean', description: 'Check the sheet now and show what came of it' },
  },
  fields: { intervalMinutes: 'every', columns: 'column' },
  notes: [
    'SCHEDULE is a schedule name or id. Without flags, shows the status: the address (masked:',
    'a published sheet\'s address is its key), the last check, change and application, and the',
    'rows of the last file that were not applied, by line.',
    'The sheet is fetched with If-None-Match / If-Modified-Since; only a complete, valid file is',
    'applied (as `hikeshi schedule import` would), so a bad file never empties the schedule.',
    'Example:',
    '  hikeshi schedule rota-source Payments --url "https://docs.google.com/…/pub?output=csv" --every 15',
    'Exit status of --sync-now: 0 when applied or unchanged, 1 when refused or failed.',
  ],
  async run({ args, options, json, io }) {
    const schedule = args[0]!;
    const settings = options.mode !== undefined || options.role !== undefined || options.every !== undefined || options.column !== undefined;
    const actions = [options.url !== undefined, options.off === true, options['sync-now'] === true].filter(Boolean).length;
    if (actions > 1) throw new UsageError('use one of --url, --off and --sync-now');
    if (settings && options.url === undefined) throw new UsageError('--mode, --role, --every and --column go with --url');

    if (options.off) {
      await withDeps((deps) => removeRotaSource(deps, schedule, SYSTEM_PRINCIPAL));
      return io.out(json ? toJson({ removed: true }) : `No longer syncing ${clean(schedule)} from its spreadsheet; the shifts applied stay.\n`);
    }
    if (options['sync-now']) {
      const answer = await withDeps((deps) => syncRotaSourceNow(deps, schedule, SYSTEM_PRINCIPAL));
      if (json) io.out(toJson(answer));
      else report(answer.source, io, `Checked now: ${answer.outcome}: ${clean(answer.message)}\n`);
      return answer.outcome === 'refused' || answer.outcome === 'failed' ? 1 : undefined;
    }
    if (options.url !== undefined) {
      const mode = oneOf(options.mode, 'mode', ROTA_MODES);
      const role = oneOf(options.role, 'role', ['primary', 'secondary'] as const);
      const intervalMinutes = integerOption(options.every, 'every', ROTA_SYNC.minIntervalMinutes, ROTA_SYNC.maxIntervalMinutes);
      const columns = options.column && columnMap(options.column);
      const url = options.url === '-' ? await readUrl(io) : options.url;
      const status = await withDeps((deps) =>
        setRotaSource(deps, schedule, { url, ...(mode && { mode }), ...(role && { role }), ...(intervalMinutes !== undefined && { intervalMinutes }), ...(columns && { columns }) }, SYSTEM_PRINCIPAL),
      );
      if (json) return io.out(toJson(status));
      return report(status, io, `Syncing ${clean(status.schedule.name)} from its spreadsheet; the first check runs at once (with the server's job runner).\n`);
    }
    const status = await withDeps((deps) => readRotaSource(deps, schedule, SYSTEM_PRINCIPAL));
    if (json) return io.out(toJson(status));
    report(status, io);
  },
});

async function readUrl(io: Io): Promise<string> {
  if (io.stdinIsTTY) throw new UsageError('--url - reads a pipe, not the terminal');
  return (await io.readStdin()).trim();
}

function columnMap(pairs: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.lastIndexOf('=');
      if (at <= 0) throw new UsageError(`--column takes HEADER=COLUMN (got "${pair}")`);
      return [pair.slice(0, at), pair.slice(at + 1).trim()];
    }),
  );
}

/** The status on standard output; the last file's problems, by line, on standard error. */
function report(status: RotaSourceStatus, io: Io, headline = ''): void {
  const outcome = status.lastOutcome ? `${status.lastOutcome}: ${clean(status.lastMessage ?? '')}` : 'not checked yet';
  io.out(
    `${headline}${keyValues([
      ['Schedule', clean(status.schedule.name)],
      ['Source', `${clean(status.url)} (${status.urlSealed ? 'encrypted at rest' : 'stored unencrypted: no secret key'})`],
      ['Applied as', `${status.mode === 'overrides' ? 'overrides' : `its rota-${status.role} layer`}, from the ${status.role} column`],
      ['Every', `${status.intervalMinutes} minutes`],
      ['Last checked', formatTime(status.lastCheckedAt)],
      ['Last outcome', outcome],
      ['Last changed', formatTime(status.lastChangedAt)],
      ['Last applied', formatTime(status.lastAppliedAt)],
      ['Next check', formatTime(status.nextCheckAt)],
    ])}\n`,
  );
  const problems = status.lastFile?.problems ?? [];
  if (!problems.length) return;
  const refused = status.lastFile?.applied === 0;
  io.err(`${refused ? 'The last file was refused' : `${problems.length} ${problems.length === 1 ? 'row was' : 'rows were'} not applied`}:\n${lineProblems(problems)}`);
}
