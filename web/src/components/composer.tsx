import { useState, type FormEvent } from 'react';
import { useAddTimelineEntry } from '../api/queries.js';
import type { User } from '../api/types.js';
import { useI18n } from '../i18n/index.js';
import { Avatar } from './badges.js';
import { ErrorMessage } from './error-message.js';

type Kind = 'note' | 'status_update';

export function Composer({ reference, user }: { reference: string; user: User }) {
  const { t } = useI18n();
  const add = useAddTimelineEntry(reference);
  const [kind, setKind] = useState<Kind>('note');
  const [body, setBody] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    add.mutate({ kind, body: body.trim() }, { onSuccess: () => setBody('') });
  };

  return (
    <form className={`composer composer-${kind}`} onSubmit={submit} data-testid="composer">
      <Avatar name={user.name} size={28} />
      <div className="composer-box">
        <div className="composer-tabs" role="radiogroup" aria-label={t('composer.kind')}>
          {(['note', 'status_update'] as const).map((k) => (
            <label key={k} className={kind === k ? 'tab on' : 'tab'} data-testid={`composer-kind-${k}`}>
              <input type="radio" name="composer-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {k === 'note' ? t('composer.note') : t('composer.statusUpdate')}
            </label>
          ))}
        </div>
        <textarea
          rows={3}
          value={body}
          aria-label={t('composer.body')}
          placeholder={kind === 'note' ? t('composer.notePlaceholder') : t('composer.statusUpdatePlaceholder')}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
          }}
          data-testid="composer-body"
        />
        <ErrorMessage error={add.error} compact />
        <div className="composer-actions">
          <span className="muted small">{t('composer.hint')}</span>
          <button type="submit" className="btn btn-primary btn-small" disabled={add.isPending || !body.trim()} data-testid="composer-submit">
            {add.isPending ? t('composer.submitting') : t('composer.submit')}
          </button>
        </div>
      </div>
    </form>
  );
}
