import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SloDefinition } from '../../domain/slo/definition.js';
import { readSloFile, type SloFileProblem } from '../../domain/slo/read-slo-file.js';
import { findServicesByIdOrName } from '../../store/repositories/services.js';
import { deleteFileSlosExcept, listSlos } from '../../store/repositories/slos.js';
import { findBurnState, type BurnAlertState } from '../../store/repositories/slo-states.js';
import { resolveBurnOfDeleted } from './evaluate-burn.js';
import type { Deps } from '../deps.js';
import { storeSlo } from './save-slo.js';
import { scheduleBurnEvaluation } from './sli-timers.js';

export interface SloFolderLoad {
  folder: string;
  missing: boolean;
  loaded: Array<{ id: string; file: string }>;
  /** Every problem of every refused file. */
  problems: SloFileProblem[];
  /** API-saved SLOs a file of the same id replaced. */
  replaced: string[];
  /** File SLOs whose file is gone (or no longer defines them): deleted with their data. */
  deleted: Array<{ definition: SloDefinition; burn: BurnAlertState | undefined }>;
}

/**
 * Reads every `.yaml`/`.yml` file of the slos folder. Valid files make their SLOs (origin
 * 'file'); a refused file is skipped — its SLOs keep their last accepted definition and their
 * data, so a typo never throws away 30 days of minutes — and the SLOs of files removed since
 * the last start are deleted. Starts the burn evaluation timer.
 */
export async function loadSloFolder(deps: Deps, folder = deps.settings.slos): Promise<SloFolderLoad> {
  const paths = listYamlFiles(folder);
  const texts = (paths ?? []).map((path) => {
    const inside = relative(process.cwd(), path);
    return { file: inside && !inside.startsWith('..') ? inside : path, text: readFileSync(path, 'utf8') };
  });
  const named = texts.flatMap(({ text, file }) => readSloFile(text, file).slos.map((slo) => slo.service));
  const services = await findServicesByIdOrName(deps.db, [...new Set(named)]);
  const serviceIds = new Map(services.map((service) => [service.name, service.id]));
  const problems: SloFileProblem[] = [];
  const refusedFiles = new Set<string>();
  const accepted: Array<{ definition: SloDefinition; file: string }> = [];
  for (const { file, text } of texts) {
    const read = readSloFile(text, file, { knownServices: new Set(serviceIds.keys()) });
    const taken = read.slos.find((slo) => accepted.some((other) => other.definition.id === slo.id));
    if (taken) read.problems.push({ file, path: 'id', message: `"${taken.id}" is already defined in ${accepted.find((o) => o.definition.id === taken.id)!.file}` });
    if (read.problems.length) {
      problems.push(...read.problems);
      refusedFiles.add(file);
    } else accepted.push(...read.slos.map((definition) => ({ definition, file })));
  }
  const now = deps.clock.now();
  const load = await deps.db.transaction().execute(async (tx) => {
    const before = await listSlos(tx);
    const keep = [...accepted.map((a) => a.definition.id), ...before.filter((slo) => slo.origin === 'file' && slo.file && refusedFiles.has(slo.file)).map((slo) => slo.definition.id)];
    for (const { definition, file } of accepted) {
      await storeSlo(tx, definition, { serviceId: serviceIds.get(definition.service)!, origin: 'file', file }, now);
    }
    const burning = new Map<string, BurnAlertState | undefined>();
    for (const slo of before) burning.set(slo.definition.id, await findBurnState(tx, slo.definition.id));
    const gone = await deleteFileSlosExcept(tx, keep);
    await scheduleBurnEvaluation(tx, now);
    const replaced = accepted.filter((a) => before.some((slo) => slo.definition.id === a.definition.id && slo.origin === 'api')).map((a) => a.definition.id);
    const deleted = before.filter((slo) => gone.includes(slo.definition.id)).map((slo) => ({ definition: slo.definition, burn: burning.get(slo.definition.id) }));
    return { folder, missing: paths === undefined, loaded: accepted.map((a) => ({ id: a.definition.id, file: a.file })), problems, replaced, deleted };
  });
  await resolveBurnOfDeleted(deps, load.deleted);
  return load;
}

/** The slos folder at start: every problem logged with file, line and field; the server starts with the rest. */
export async function loadSlos(deps: Deps): Promise<SloFolderLoad> {
  const load = await loadSloFolder(deps);
  const log = deps.logger;
  if (load.missing) log?.info({ folder: load.folder }, `slos folder ${load.folder} does not exist: no file SLOs loaded`);
  for (const problem of load.problems) {
    log?.error({ file: problem.file, line: problem.line, field: problem.path }, `SLO file refused: ${formatSloProblem(problem)}`);
  }
  for (const id of load.replaced) log?.warn({ slo: id }, `SLO ${id} saved through the API is replaced by the file of the same id`);
  log?.info({ folder: load.folder, slos: load.loaded.map((s) => s.id) }, `${load.loaded.length} SLO(s) loaded`);
  return load;
}

export function formatSloProblem(problem: SloFileProblem): string {
  const place = `${problem.file}${problem.line ? `:${problem.line}${problem.column ? `:${problem.column}` : ''}` : ''}`;
  return `${place}: ${problem.path ? `${problem.path} ` : ''}${problem.message}`;
}

function listYamlFiles(folder: string): string[] | undefined {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return names.filter((name) => /\.ya?ml$/i.test(name)).sort().map((name) => join(folder, name));
}
