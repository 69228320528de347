import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FieldDefinition, FieldValue } from '../../../src/domain/fields/definition.js';
import { pickText } from '../../../src/domain/runbooks/text.js';
import { api } from '../api/client.js';
import { keys, useMeta, useUpdateIncident, useUsers } from '../api/queries.js';
import type { Incident } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { FieldError } from './field-error.js';
import { ErrorMessage } from './error-message.js';
import '../styles/facts.css';

/**
 * The incident's facts (settings `fields`), each with its label and help in the reader's
 * language, edited in place: numbers and text saved on Enter or leaving the input, yes/no
 * and choices on click. A refused value shows under its field (the 422 names `fields.<key>`).
 */
export function FactsPanel({ incident, canEdit }: { incident: Incident; canEdit: boolean }) {
  const { t, lang } = useI18n();
  const meta = useMeta();
  const update = useUpdateIncident(incident.reference);
  const client = useQueryClient();
  const inquiry = useMutation({
    mutationFn: () => api<{ count: number }>('POST', `/incidents/${encodeURIComponent(incident.reference)}/inquiries`, { source: 'web' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.incident(incident.reference) });
      void client.invalidateQueries({ queryKey: keys.timeline(incident.reference) });
    },
  });
  const definitions = meta.data?.fields ?? [];
  if (!definitions.length) return null;
  const save = (key: string, value: FieldValue) => update.mutate({ fields: { [key]: value } });

  return (
    <section className="card section facts-panel" aria-labelledby="facts-heading" data-testid="facts-panel">
      <div className="section-header">
        <h2 id="facts-heading">{t('facts.title')}</h2>
      </div>
      <dl className="facts-list">
        {definitions.map((definition) => {
          const value = Object.hasOwn(incident.fields, definition.key) ? incident.fields[definition.key]! : null;
          const help = definition.help ? pickText(definition.help, lang) : '';
          return (
            <div className="fact-row" key={definition.key} data-testid={`fact-${definition.key}`}>
              <dt>
                <label htmlFor={`fact-input-${definition.key}`} className="fact-label">
                  {pickText(definition.label, lang) || definition.key}
                </label>
                {help ? <p className="muted fact-help">{help}</p> : null}
              </dt>
              <dd>
                <FactEditor definition={definition} value={value} disabled={!canEdit || update.isPending} onSave={(v) => save(definition.key, v)} />
                {definition.key === meta.data?.inquiriesField && canEdit ? (
                  <button type="button" className="btn btn-small" onClick={() => inquiry.mutate()} disabled={inquiry.isPending} data-testid="record-inquiry">
                    {t('facts.addInquiry')}
                  </button>
                ) : null}
                <FieldError error={update.error} field={`fields.${definition.key}`} />
              </dd>
            </div>
          );
        })}
      </dl>
      <ErrorMessage error={inquiry.error} compact />
    </section>
  );
}

function FactEditor({ definition, value, disabled, onSave }: { definition: FieldDefinition; value: FieldValue; disabled: boolean; onSave: (value: FieldValue) => void }) {
  const { t, lang } = useI18n();
  const users = useUsers();
  const id = `fact-input-${definition.key}`;
  if (definition.type === 'boolean') {
    const options: Array<[FieldValue, string]> = [[true, t('facts.yes')], [false, t('facts.no')], [null, t('facts.unknown')]];
    return (
      <div className="segmented" role="group" id={id} aria-label={pickText(definition.label, lang)}>
        {options.map(([option, text]) => (
          <button key={String(option)} type="button" className={`btn btn-small${value === option ? ' btn-primary' : ''}`} aria-pressed={value === option} disabled={disabled} onClick={() => value !== option && onSave(option)}>
            {text}
          </button>
        ))}
      </div>
    );
  }
  if (definition.type === 'choice' || definition.type === 'user') {
    const options = definition.type === 'choice'
      ? (definition.choices ?? []).map((c) => [c.value, pickText(c.label, lang) || c.value] as const)
      : (users.data ?? []).map((u) => [u.id, u.name] as const);
    return (
      <select id={id} value={typeof value === 'string' ? value : ''} disabled={disabled} onChange={(e) => onSave(e.target.value === '' ? null : e.target.value)}>
        <option value="">{t('facts.unknown')}</option>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    );
  }
  return <TypedInput id={id} definition={definition} value={value} disabled={disabled} onSave={onSave} />;
}

/** A number or text saved when it differs from what is stored: on Enter or on leaving the input. */
function TypedInput({ id, definition, value, disabled, onSave }: { id: string; definition: FieldDefinition; value: FieldValue; disabled: boolean; onSave: (value: FieldValue) => void }) {
  const shown = value === null ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const commit = () => {
    if (draft.trim() === shown) return;
    if (!draft.trim()) return onSave(null);
    onSave(definition.type === 'number' ? Number(draft.replace(/,/g, '')) : draft.trim());
  };
  return (
    <input
      id={id}
      type={definition.type === 'number' ? 'number' : 'text'}
      inputMode={definition.type === 'number' ? 'numeric' : undefined}
      min={definition.min}
      max={definition.max}
      step={definition.integer ? 1 : 'any'}
      value={draft}
      disabled={disabled}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), commit())}
      className="fact-input"
    />
  );
}
