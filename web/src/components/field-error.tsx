import { fieldMessage } from '../lib/field-errors.js';

/** The server's complaint about one field, shown under it and announced. */
export function FieldError({ error, field, id }: { error: unknown; field: string; id?: string }) {
  const message = fieldMessage(error, field);
  if (!message) return null;
  return (
    <span className="field-error" role="alert" id={id} data-testid="field-error" data-field={field}>
      {message}
    </span>
  );
}
