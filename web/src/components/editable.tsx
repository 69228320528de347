import { useState, type FormEvent } from 'react';
import { useUpdateIncident } from '../api/queries.js';
import type { Incident } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { ErrorMessage } from './error-message.js';

export function EditableTitle({ incident }: { incident: Incident }) {
  const { t } = useI18n();
  const update = useUpdateIncident(incident.reference);
  const [draft, setDraft] = useState<string | null>(null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (draft === null) return;
    if (draft.trim() === incident.title) return setDraft(null);
    update.mutate({ title: draft.trim() }, { onSuccess: () => setDraft(null) });
  };

  if (draft === null) {
    return (
      <div className="title-row">
        <h1 className="incident-title" data-testid="incident-title">
          {incident.title}
        </h1>
        <button type="button" className="btn btn-ghost btn-small edit-button" onClick={() => setDraft(incident.title)} data-testid="edit-title">
          {t('incident.edit')}
        </button>
      </div>
    );
  }
  return (
    <form className="title-form" onSubmit={save}>
      <input
        className="title-input"
        value={draft}
        maxLength={200}
        autoFocus
        aria-label={t('declare.field.title')}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setDraft(null)}
      />
      <div className="form-actions">
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setDraft(null)}>
          {t('incident.cancel')}
        </button>
        <button type="submit" className="btn btn-primary btn-small" disabled={update.isPending || !draft.trim()}>
          {update.isPending ? t('incident.saving') : t('incident.save')}
        </button>
      </div>
      <ErrorMessage error={update.error} compact />
    </form>
  );
}

export function EditableSummary({ incident }: { incident: Incident }) {
  const { t } = useI18n();
  const update = useUpdateIncident(incident.reference);
  const [draft, setDraft] = useState<string | null>(null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (draft === null) return;
    update.mutate({ summary: draft }, { onSuccess: () => setDraft(null) });
  };

  return (
    <div data-testid="summary">
      <div className="section-header">
        <h2>{t('incident.summary')}</h2>
        {draft === null ? (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => { update.reset(); setDraft(incident.summary); }} data-testid="edit-summary">
            {t('incident.edit')}
          </button>
        ) : null}
      </div>
      {draft === null ? (
        incident.summary ? (
          <div className="summary-text" data-testid="summary-text">
            {incident.summary}
          </div>
        ) : (
          <p className="muted">{t('incident.noSummary')}</p>
        )
      ) : (
        <form onSubmit={save} className="stack">
          <textarea
            rows={6}
            value={draft}
            autoFocus
            aria-label={t('incident.summary')}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setDraft(null);
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
            }}
            data-testid="summary-input"
          />
          <ErrorMessage error={update.error} compact />
          <div className="form-actions">
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setDraft(null)}>
              {t('incident.cancel')}
            </button>
            <button type="submit" className="btn btn-primary btn-small" disabled={update.isPending} data-testid="summary-save">
              {update.isPending ? t('incident.saving') : t('incident.save')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
