import { useI18n } from '../i18n/index.js';
import { formatAbsolute, formatRelative } from '../lib/time.js';
import { useNow } from '../lib/use-now.js';

/** "5 minutes ago", with the exact time (and zone) in the tooltip. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const { lang, t } = useI18n();
  const now = useNow();
  return (
    <time dateTime={iso} title={formatAbsolute(iso, lang, true)} className={className}>
      {formatRelative(iso, lang, now, t('time.justNow'))}
    </time>
  );
}

export function AbsoluteTime({ iso, className }: { iso: string; className?: string }) {
  const { lang } = useI18n();
  const now = useNow();
  return (
    <time dateTime={iso} title={formatRelative(iso, lang, now)} className={className}>
      {formatAbsolute(iso, lang)}
    </time>
  );
}
