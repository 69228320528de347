import { ROTA_MODES } from '../../domain/oncall/apply-rota.js';
import { ValidationError } from '../../errors.js';
import { importRota } from '../../usecases/oncall/import-rota.js';
import { createSchedule } from '../../usecases/oncall/manage-schedules.js';
import { getSchedule, listSchedules } from '../../usecases/oncall/read-schedules.js';
import { CreateScheduleSchema } from '../../usecases/oncall/schedule-input-schema.js';
import type { ScheduleInput } from '../../usecases/oncall/schedule-input.js';
import { scheduleShifts } from '../../usecases/oncall/schedule-shifts.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { integerOption, oneOf, UsageError } from '../args.js';
import { defineCommand } from '../command.js';
import { readDataFile, readTextFile } from '../data-file.js';
import type { Io } from '../io.js';
import { clean, toJson } from '../output.js';
import { importProblems, importSummary, scheduleDetails, scheduleTable } from '../present/oncall.js';
import { withDeps } from '../session.js';

const SCHEDULE_NOTE = 'SCHEDULE is a schedule name or id.';

export const scheduleList = defineCommand({
  name: 'schedule list',
  summary: 'List on-call schedules by name',
  options: {
    limit: { type: 'string', placeholder: 'N', description: 'At most N schedules (1-500, default 100)' },
    cursor: { type: 'string', placeholder: 'CURSOR', description: 'Continue after a previous page' },
  },
  async run({ options, json, io }) {
    const limit = integerOption(options.limit, 'limit', 1, 500);
    const page = await withDeps((deps) =>
      listSchedules(deps, { ...(limit !== undefined && { limit }), ...(options.cursor !== undefined && { cursor: options.cursor }) }, SYSTEM_PRINCIPAL),
    );
    if (json) return io.out(toJson(page));
    io.out(scheduleTable(page.items));
    if (page.nextCursor) io.err(`More: hikeshi schedule list --cursor ${page.nextCursor}\n`);
  },
});

export const scheduleShow = defineCommand({
  name: 'schedule show',
  summary: "Show a schedule's layers and who is on call over the coming days",
  arguments: ['SCHEDULE'],
  options: {
    days: { type: 'string', placeholder: 'N', description: 'How many days ahead to show (1-90, default 7)' },
  },
  notes: [SCHEDULE_NOTE],
  async run({ args, options, json, io }) {
    const days = integerOption(options.days, 'days', 1, 90) ?? 7;
    const [schedule, coming] = await withDeps(async (deps) => {
      const from = deps.clock.now();
      const to = new Date(from.getTime() + days * 86_400_000);
      return [
        await getSchedule(deps, args[0]!, SYSTEM_PRINCIPAL),
        await scheduleShifts(deps, args[0]!, { from: from.toISOString(), to: to.toISOString() }, SYSTEM_PRINCIPAL),
      ] as const;
    });
    io.out(json ? toJson({ schedule, shifts: coming }) : scheduleDetails(schedule, coming));
  },
});

export const scheduleCreate = defineCommand({
  name: 'schedule create',
  summary: 'Create a schedule from a YAML or JSON file',
  options: {
    file: { type: 'string', required: true, placeholder: 'FILE', description: 'The schedule: name, timeZone, layers, overrides … (as the API takes it)' },
  },
  notes: [
    'Example schedule.yaml:',
    '  name: Payments primary',
    '  timeZone: Europe/London',
    '  teamId: Payments            # team name or id',
    '  handoffTime: "09:00"        # when a day of a date-per-row CSV rota starts',
    '  rotaColumns: { "on call": primary, backup: secondary }',
    '  layers:',
    '    - name: Weekly',
    '      participants: [ann@example.com, U024BE7LH]   # user ids, emails or Slack ids',
    '      rotation: { unit: weeks, length: 1 }',
    '      handoffTime: "09:00"',
    '      startDate: 2026-11-02',
  ],
  async run({ options, json, io }) {
    const input = readDataFile<ScheduleInput>(options.file!, CreateScheduleSchema);
    const schedule = await withDeps((deps) => createSchedule(deps, input, SYSTEM_PRINCIPAL)).catch((error: unknown) => {
      // Name the field as it is written in the file (`layers[0].participants[1]`), not as a flag.
      throw error instanceof ValidationError ? new ValidationError('file', `${options.file}: ${error.field}: ${error.reason}`) : error;
    });
    io.out(json ? toJson(schedule) : `Created schedule ${clean(schedule.name)} (${schedule.timeZone}, ${schedule.layers.length} ${schedule.layers.length === 1 ? 'layer' : 'layers'}), id ${schedule.id}.\n`);
  },
});

export const scheduleImport = defineCommand({
  name: 'schedule import',
  summary: 'Import a spreadsheet rota (CSV) into a schedule; rows it cannot use are listed by line',
  options: {
    schedule: { type: 'string', required: true, placeholder: 'SCHEDULE', description: 'The schedule (name or id)' },
    csv: { type: 'string', required: true, placeholder: 'FILE', description: 'The CSV file, or - for standard input' },
    mode: { type: 'string', placeholder: 'MODE', description: 'overrides (default: above the layers) or layer (the schedule\'s own rota layer)' },
    role: { type: 'string', placeholder: 'ROLE', description: 'primary (default) or secondary: which column feeds this schedule' },
    'dry-run': { type: 'boolean', description: 'Check the file and report, changing nothing' },
  },
  notes: [
    'The CSV has a header row: date,primary,secondary (one row per day, from the schedule\'s',
    'handoff time) or start,end,primary,secondary (ISO 8601 times). Cells hold an email, a Slack',
    'user id or a name. Other header names are mapped by the schedule\'s rotaColumns.',
    'Exit status: 0 when applied (problem rows are listed on standard error and skipped),',
    '1 when the file is refused as a whole (nothing changes).',
  ],
  async run({ options, json, io }) {
    const mode = oneOf(options.mode, 'mode', ROTA_MODES);
    const role = oneOf(options.role, 'role', ['primary', 'secondary'] as const);
    const csv = await readCsv(options.csv!, io);
    const result = await withDeps((deps) =>
      importRota(deps, options.schedule!, { csv, ...(mode && { mode }), ...(role && { role }), dryRun: options['dry-run'] === true }, SYSTEM_PRINCIPAL),
    );
    if (json) return io.out(toJson(result));
    io.out(importSummary(result));
    io.err(importProblems(result));
  },
});

async function readCsv(file: string, io: Io): Promise<string> {
  if (file === '-') {
    if (io.stdinIsTTY) throw new UsageError('--csv - reads a pipe, not the terminal');
    return io.readStdin();
  }
  return readTextFile(file, 'csv');
}
