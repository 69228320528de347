import type { Transaction } from 'kysely';
import { matchPerson } from '../../domain/catalog/match-person.js';
import { coerceFields, setFields } from '../../domain/fields/change.js';
import type { ValueSource } from '../../domain/fields/coerce.js';
import type { FieldValue } from '../../domain/fields/definition.js';
import type { Incident } from '../../domain/incidents/incident.js';
import type { TimelineDraft } from '../../domain/incidents/timeline.js';
import { ValidationError } from '../../errors.js';
import type { Executor } from '../../store/database.js';
import { listUsersByKeys } from '../../store/repositories/users.js';
import type { Database } from '../../store/schema.js';
import type { Deps } from '../deps.js';
import { reevaluateSeverityInTx } from '../severity/reevaluate-in-tx.js';

export interface FieldsChange {
  incident: Incident;
  /** One `field.changed` per field whose value differs. */
  timeline: TimelineDraft[];
  /** The keys of those fields. */
  changed: string[];
}

/**
 * The custom facts a person, a runbook or Slack asks for, checked against the declared
 * fields; a user field's person is found by id, e-mail, Slack id or name. Pure planning:
 * the caller saves the incident and appends the timeline.
 */
export async function planFieldsChange(
  tx: Executor,
  deps: Deps,
  incident: Incident,
  wanted: Readonly<Record<string, unknown>>,
  from: ValueSource,
): Promise<FieldsChange> {
  const coerced = coerceFields(wanted, deps.settings.fields, from);
  const values: Array<{ key: string; value: FieldValue }> = [];
  for (const { definition, value } of coerced) {
    values.push({ key: definition.key, value: definition.type === 'user' && typeof value === 'string' ? await userId(tx, definition.key, value) : value });
  }
  const { fields, timeline } = setFields(incident.fields, values);
  const changed = timeline.flatMap((draft) => (draft.kind === 'field.changed' ? [draft.payload.field] : []));
  const next = changed.length ? { ...incident, fields, updatedAt: deps.clock.now().toISOString() } : incident;
  return { incident: next, timeline, changed };
}

/** After facts changed, in the same transaction: the severity policy looks again (H2's re-evaluation). */
export async function reevaluateAfterFieldChange(tx: Transaction<Database>, deps: Deps, incident: Incident, changed: readonly string[], now: Date): Promise<Incident> {
  if (!changed.length) return incident;
  return reevaluateSeverityInTx(tx, deps, incident, { kind: 'field', field: changed[0]! }, now);
}

async function userId(tx: Executor, key: string, reference: string): Promise<string> {
  const match = matchPerson(await listUsersByKeys(tx, [reference]), reference);
  if (typeof match === 'string') return match;
  throw new ValidationError(`fields.${key}`, match === undefined ? `no Hikeshi user "${reference}"` : `"${reference}" names ${match.ambiguous} people; pick one`);
}
