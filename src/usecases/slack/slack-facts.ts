import { fieldValueOf } from '../../domain/fields/change.js';
import { formatFieldValue } from '../../domain/fields/coerce.js';
import type { FieldDefinition, IncidentFields } from '../../domain/fields/definition.js';
import type { LocalizedText } from '../../domain/runbooks/types.js';
import type { Executor } from '../../store/database.js';
import { listUsersByIds } from '../../store/repositories/users.js';

/** A declared fact as Slack shows it; `value` is display text ("1,200", "Yes", "—"), a person as `<@U…>` when known. */
export interface SlackFact {
  key: string;
  label: LocalizedText;
  value: string;
  /** Whether the incident holds a value for it. */
  known: boolean;
}

/** Every declared fact of the incident, in the settings' order, unknown ones included so people see what to fill in. */
export async function readSlackFacts(tx: Executor, definitions: readonly FieldDefinition[], fields: IncidentFields): Promise<SlackFact[]> {
  const userIds = definitions.flatMap((d) => {
    const value = fieldValueOf(fields, d.key);
    return d.type === 'user' && typeof value === 'string' ? [value] : [];
  });
  const people = new Map((await listUsersByIds(tx, userIds)).map((u) => [u.id, u]));
  const person = (id: string) => {
    const known = people.get(id);
    return known?.slackUserId ? `<@${known.slackUserId}>` : (known?.name ?? id);
  };
  return definitions.map((d) => {
    const value = fieldValueOf(fields, d.key);
    return { key: d.key, label: d.label, value: formatFieldValue(d, value, 'en', person), known: value !== null };
  });
}
