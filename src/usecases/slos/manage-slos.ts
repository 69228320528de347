import type { SloDefinition } from '../../domain/slo/definition.js';
import { readSloFile } from '../../domain/slo/read-slo-file.js';
import { NotFoundError } from '../../errors.js';
import { findServicesByIdOrName } from '../../store/repositories/services.js';
import { deleteSlo as removeSlo, findSlo } from '../../store/repositories/slos.js';
import { findBurnState } from '../../store/repositories/slo-states.js';
import { resolveBurnOfDeleted } from './evaluate-burn.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import { sloView, type SloView } from './read-slos.js';
import { storeSlo } from './save-slo.js';
import { FileSloError, SloRefusedError } from './slo-errors.js';

/** Creates or replaces an SLO from a Hikeshi SLO document (as JSON); 409 for an SLO of the slos folder. */
export async function saveSlo(deps: Deps, document: Record<string, unknown>, principal: Principal, expectedId?: string): Promise<{ slo: SloView; created: boolean }> {
  authorize(principal, 'admin');
  const withId = expectedId === undefined ? document : { ...document, id: document.id ?? expectedId };
  // JSON is YAML: one reader for files and the API, so both refuse the same things the same way.
  const { slos } = await readChecked(deps, JSON.stringify(withId), 'request', { lines: false });
  const definition = slos[0]!;
  if (expectedId !== undefined && definition.id !== expectedId) throw new SloRefusedError([{ file: 'request', path: 'id', message: `must be ${expectedId}, the id in the path (got "${definition.id}")` }]);
  const [result] = await storeAll(deps, [definition]);
  return result!;
}

/** Imports every SLO of an OpenSLO, Sloth or Hikeshi file, all or none. */
export async function importSlos(deps: Deps, input: { text: string; file?: string }, principal: Principal): Promise<{ items: SloView[]; created: string[]; updated: string[] }> {
  authorize(principal, 'admin');
  const { slos } = await readChecked(deps, input.text, input.file ?? 'import', { lines: true });
  const results = await storeAll(deps, slos);
  return {
    items: results.map((r) => r.slo),
    created: results.filter((r) => r.created).map((r) => r.slo.id),
    updated: results.filter((r) => !r.created).map((r) => r.slo.id),
  };
}

/** Deletes an SLO saved through the API with its minutes, roll-ups and gaps. */
export async function deleteSlo(deps: Deps, id: string, principal: Principal): Promise<void> {
  authorize(principal, 'admin');
  const deleted = await deps.db.transaction().execute(async (tx) => {
    const current = await findSlo(tx, id);
    if (!current) throw new NotFoundError('slo', id);
    if (current.origin === 'file') throw new FileSloError(id, current.file);
    const burn = await findBurnState(tx, id);
    await removeSlo(tx, id);
    return { definition: current.definition, burn };
  });
  await resolveBurnOfDeleted(deps, [deleted]);
}

async function readChecked(deps: Deps, text: string, file: string, options: { lines: boolean }): Promise<{ slos: SloDefinition[] }> {
  const first = readSloFile(text, file);
  const services = first.problems.length ? [] : await findServicesByIdOrName(deps.db, [...new Set(first.slos.map((slo) => slo.service))]);
  const read = first.problems.length ? first : readSloFile(text, file, { knownServices: new Set(services.map((s) => s.name)) });
  if (read.problems.length) {
    throw new SloRefusedError(options.lines ? read.problems : read.problems.map(({ line: _line, column: _column, ...rest }) => rest));
  }
  return read;
}

async function storeAll(deps: Deps, definitions: readonly SloDefinition[]): Promise<Array<{ slo: SloView; created: boolean }>> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (tx) => {
    const services = await findServicesByIdOrName(tx, [...new Set(definitions.map((d) => d.service))]);
    const out: Array<{ slo: SloView; created: boolean }> = [];
    for (const definition of definitions) {
      const current = await findSlo(tx, definition.id);
      if (current?.origin === 'file') throw new FileSloError(definition.id, current.file);
      const service = services.find((s) => s.name === definition.service);
      if (!service) throw new SloRefusedError([{ file: 'request', path: 'service', message: `names no known service (got "${definition.service}")` }]);
      const outcome = await storeSlo(tx, definition, { serviceId: service.id, origin: 'api', file: null }, now);
      const stored = await findSlo(tx, definition.id);
      out.push({ slo: sloView(stored!), created: outcome === 'created' });
    }
    return out;
  });
}
