import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseRunbookFile } from '../../domain/runbooks/parse-file.js';
import type { RunbookProblem } from '../../domain/runbooks/problems.js';
import { combineRunbookFiles } from '../../domain/runbooks/runbook-set.js';
import { runbookVersion } from '../../domain/runbooks/version.js';
import { deleteFileRunbooksExcept, listRunbooks, upsertRunbook } from '../../store/repositories/runbooks.js';
import type { Deps } from '../deps.js';
import { runbookContext } from './runbook-context.js';

export interface FolderLoad {
  /** The folder as configured. */
  folder: string;
  /** The folder does not exist: nothing was loaded (and file runbooks of earlier starts were dropped). */
  missing: boolean;
  loaded: Array<{ id: string; file: string }>;
  /** Every problem of every file (errors refuse the file; warnings do not). */
  problems: RunbookProblem[];
  /** API-saved runbooks a file of the same id replaced. */
  replaced: string[];
}

/**
 * Reads every `.yaml`/`.yml` file of the runbooks folder, validates them, and makes the
 * `runbooks` table hold exactly the valid ones as file runbooks: a file that is refused
 * (or removed) since the last start is no longer served. Runs under way keep the
 * definition they started with.
 */
export async function loadRunbookFolder(deps: Deps, folder = deps.settings.runbooks): Promise<FolderLoad> {
  const ctx = runbookContext(deps.settings);
  const paths = listYamlFiles(folder);
  const files = (paths ?? []).map((path) => {
    // Named as people find it: relative to where the server runs, else in full.
    const inside = relative(process.cwd(), path);
    const file = inside && !inside.startsWith('..') ? inside : path;
    const text = readFileSync(path, 'utf8');
    return { file, text, ...parseRunbookFile(text, file, ctx) };
  });
  const { runbooks, problems } = combineRunbookFiles(files);
  // The first file of an id is the one combineRunbookFiles kept.
  const fileOf = new Map<string, (typeof files)[number]>();
  for (const f of files) if (f.runbook && !fileOf.has(f.runbook.id)) fileOf.set(f.runbook.id, f);
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (tx) => {
    const before = new Map((await listRunbooks(tx)).map((r) => [r.id, r.source]));
    const loaded = runbooks.map((definition) => ({ id: definition.id, file: fileOf.get(definition.id)!.file }));
    for (const definition of runbooks) {
      const { file, text } = fileOf.get(definition.id)!;
      await upsertRunbook(tx, { id: definition.id, source: 'file', file, yaml: text, definition, version: runbookVersion(definition), updatedAt: at });
    }
    await deleteFileRunbooksExcept(tx, runbooks.map((r) => r.id));
    const replaced = runbooks.filter((r) => before.get(r.id) === 'api').map((r) => r.id);
    return { folder, missing: paths === undefined, loaded, problems, replaced };
  });
}

/** The folder's YAML files in name order; undefined when there is no such folder. */
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
