import type { EscalationTarget } from '../../api/types.js';
import type { I18n } from '../../i18n/index.js';

export interface SentenceLevel {
  delayMinutes: number;
  targets: Array<Pick<EscalationTarget, 'type' | 'name'>>;
}

/**
 * The policy in one sentence: "Notify Ana; after 10 min, notify whoever is on call on
 * Primary; repeat twice." A level's delay is the wait before the next level (or the repeat).
 */
export function policySentence(levels: SentenceLevel[], repeat: number, { t, lang }: Pick<I18n, 't' | 'lang'>): string {
  const list = new Intl.ListFormat(lang, { type: 'conjunction' });
  const who = (target: SentenceLevel['targets'][number]) => {
    const name = target.name || t('policy.preview.unnamed');
    if (target.type === 'schedule') return t('policy.preview.schedule', { name });
    if (target.type === 'team') return t('policy.preview.team', { name });
    if (target.type === 'webhook') return t('policy.preview.webhook', { name });
    return target.name ? t('policy.preview.user', { name }) : name;
  };
  const parts = levels.map((level, i) => {
    const targets = level.targets.length ? list.format(level.targets.map(who)) : t('policy.preview.nobody');
    if (i === 0) return t('policy.preview.first', { targets });
    return t('policy.preview.then', { minutes: levels[i - 1]?.delayMinutes ?? 0, targets });
  });
  if (repeat > 0 && levels.length) {
    const minutes = levels[levels.length - 1]?.delayMinutes ?? 0;
    parts.push(
      repeat === 1
        ? t('policy.preview.repeatOnce', { minutes })
        : repeat === 2
          ? t('policy.preview.repeatTwice', { minutes })
          : t('policy.preview.repeatTimes', { minutes, count: repeat }),
    );
  }
  return parts.join(t('policy.preview.separator')) + t('policy.preview.end');
}
