import { useRef, useState } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { CalendarToken } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';
import { ErrorMessage } from '../error-message.js';

/** Makes a secret iCalendar address (shown once; a new one replaces the old) and copies it. */
export function CalendarLink({ create, help }: { create: UseMutationResult<CalendarToken, Error, void>; help: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const url = create.data?.url;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url ?? '');
      setCopied(true);
    } catch {
      // No clipboard access (insecure origin, denied): select it for Ctrl+C instead.
      field.current?.select();
    }
  };

  return (
    <div className="calendar-link" data-testid="calendar-link">
      <p className="muted small">{help}</p>
      {url ? (
        <>
          <div className="copy-row">
            <input
              type="text"
              readOnly
              value={url}
              aria-label={t('ical.address')}
              onFocus={(e) => e.currentTarget.select()}
              ref={field}
              data-testid="calendar-url"
            />
            <button type="button" className="btn btn-small" onClick={() => void copy()} data-testid="calendar-copy">
              {copied ? t('ical.copied') : t('ical.copy')}
            </button>
          </div>
          <p className="small warn-text" role="status">{t('ical.shownOnce')}</p>
        </>
      ) : (
        <button type="button" className="btn btn-small" disabled={create.isPending} onClick={() => create.mutate()} data-testid="calendar-create">
          <CalendarIcon />
          {create.isPending ? t('ical.creating') : t('ical.create')}
        </button>
      )}
      {url ? (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setCopied(false);
            create.mutate();
          }}
        >
          {t('ical.replace')}
        </button>
      ) : null}
      <ErrorMessage error={create.error} compact />
    </div>
  );
}

function CalendarIcon() {
  return (
    <svg width="13" height="13" viewBox="0 0 14 14" aria-hidden="true">
      <rect x="1.5" y="2.5" width="11" height="10" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <path d="M1.5 5.5h11M4.5 1v3M9.5 1v3" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
    </svg>
  );
}
