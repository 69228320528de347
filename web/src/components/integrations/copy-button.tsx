import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.js';

/** The clipboard API needs a secure context; plain http on a LAN falls back to a selection copy. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    return done;
  }
}

export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className="btn btn-small copy-button"
      onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))}
      aria-label={t('integrations.copyNamed', { name: label })}
      data-testid={testId ?? 'copy'}
      data-state={state}
    >
      {state === 'copied' ? t('integrations.copied') : state === 'failed' ? t('integrations.copyFailed') : t('integrations.copy')}
    </button>
  );
}

/** A value to paste into a monitor's form field. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="copy-field" data-testid={testId}>
      <span className="copy-field-label">{label}</span>
      <code className="copy-field-value" data-testid="copy-value">
        {value}
      </code>
      <CopyButton text={value} label={label} />
    </div>
  );
}

/** A whole file or command to paste. */
export function CopyBlock({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="copy-block" data-testid={testId}>
      <div className="copy-block-head">
        <span className="copy-field-label">{label}</span>
        <CopyButton text={value} label={label} />
      </div>
      <pre className="code-block" data-testid="copy-value">
        {value}
      </pre>
    </div>
  );
}
