import { parseIncidentReference, type Incident } from '../../domain/incidents/incident.js';
import { NotFoundError } from '../../errors.js';
import { UUID_PATTERN } from '../../ids.js';
import type { Executor } from '../../store/database.js';
import { findIncidentById, findIncidentByNumber, getIncidentForUpdate } from '../../store/repositories/incidents.js';

/** Incidents are named by id, by reference (`INC-12`) or by number (`12`). */
export async function findIncident(tx: Executor, idOrReference: string): Promise<Incident> {
  const incident = UUID_PATTERN.test(idOrReference)
    ? await findIncidentById(tx, idOrReference)
    : await byReference(tx, idOrReference);
  if (!incident) throw new NotFoundError('incident', idOrReference);
  return incident;
}

export async function findIncidentForUpdate(tx: Executor, idOrReference: string): Promise<Incident> {
  const { id } = await findIncident(tx, idOrReference);
  return getIncidentForUpdate(tx, id);
}

async function byReference(tx: Executor, reference: string): Promise<Incident | undefined> {
  const number = parseIncidentReference(reference);
  return number === undefined ? undefined : findIncidentByNumber(tx, number);
}
