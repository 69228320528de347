import { useEffect, useState, type FormEvent } from 'react';
import { useAddOverride } from '../../api/queries.js';
import type { User } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';
import { isoToWallTime, nextFullHour, wallTimeToIso } from '../../lib/calendar.js';
import { errorField, unplacedError } from '../../lib/field-errors.js';
import { ErrorMessage } from '../error-message.js';
import { FieldError } from '../field-error.js';

export interface OverrideDraft {
  userId: string;
  /** datetime-local values, wall-clock time in the schedule's zone. */
  start: string;
  end: string;
}

const FIELDS = ['userId', 'start', 'end'];

/** "This person covers from … to …", times typed in the schedule's zone. */
export function OverrideForm({
  scheduleId,
  timeZone,
  users,
  draft,
  onDraft,
}: {
  scheduleId: string;
  timeZone: string;
  users: User[];
  draft: OverrideDraft;
  onDraft: (draft: OverrideDraft) => void;
}) {
  const { t } = useI18n();
  const add = useAddOverride(scheduleId);
  const [missing, setMissing] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  useEffect(() => setAdded(false), [draft]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const start = wallTimeToIso(draft.start, timeZone);
    const end = wallTimeToIso(draft.end, timeZone);
    const firstMissing = !draft.userId ? 'userId' : !start ? 'start' : !end ? 'end' : null;
    setMissing(firstMissing);
    if (firstMissing || !start || !end) return;
    add.mutate({ userId: draft.userId, start, end }, { onSuccess: () => setAdded(true) });
  };
  const change = (patch: Partial<OverrideDraft>) => {
    add.reset();
    setMissing(null);
    onDraft({ ...draft, ...patch });
  };
  const invalid = (field: string) => missing === field || errorField(add.error) === field || undefined;

  return (
    <form className="stack stack-tight" onSubmit={submit} noValidate data-testid="override-form" aria-labelledby="override-heading">
      <label className="field">
        <span className="field-label">{t('override.person')}</span>
        <select value={draft.userId} onChange={(e) => change({ userId: e.target.value })} aria-invalid={invalid('userId')} data-testid="override-user">
          <option value="">{t('override.choosePerson')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        {missing === 'userId' ? <span className="field-error">{t('override.required')}</span> : null}
        <FieldError error={add.error} field="userId" />
      </label>
      <div className="stack-tight">
        <label className="field">
          <span className="field-label">{t('override.start')}</span>
          <input type="datetime-local" value={draft.start} onChange={(e) => change({ start: e.target.value })} aria-invalid={invalid('start')} data-testid="override-start" />
          {missing === 'start' ? <span className="field-error">{t('override.required')}</span> : null}
          <FieldError error={add.error} field="start" />
        </label>
        <label className="field">
          <span className="field-label">{t('override.end')}</span>
          <input type="datetime-local" value={draft.end} onChange={(e) => change({ end: e.target.value })} aria-invalid={invalid('end')} data-testid="override-end" />
          {missing === 'end' ? <span className="field-error">{t('override.required')}</span> : null}
          <FieldError error={add.error} field="end" />
        </label>
      </div>
      <p className="muted small">{t('override.zoneHint', { zone: timeZone })}</p>
      <ErrorMessage error={unplacedError(add.error, (f) => FIELDS.includes(f))} compact />
      <div className="form-actions form-actions-start">
        <button type="submit" className="btn btn-primary btn-small" disabled={add.isPending} data-testid="override-submit">
          {add.isPending ? t('override.adding') : t('override.add')}
        </button>
        {added ? (
          <span className="ok-text small" role="status">
            {t('override.added')}
          </span>
        ) : null}
      </div>
    </form>
  );
}

/** A fresh draft: the next full hour, for eight hours. */
export function defaultOverrideDraft(now: number, timeZone: string): OverrideDraft {
  const start = nextFullHour(now, timeZone);
  return { userId: '', start: isoToWallTime(start, timeZone), end: isoToWallTime(start + 8 * 3_600_000, timeZone) };
}
