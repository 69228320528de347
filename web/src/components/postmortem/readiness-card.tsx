import { pickText } from '../../../../src/domain/runbooks/text.js';
import type { PostmortemView } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';

/** The pre-meeting checklist: a big figure, each item ticked or not, and why the missing ones are missing. */
export function ReadinessCard({ readiness }: { readiness: PostmortemView['readiness'] }) {
  const { t, lang } = useI18n();
  const tone = readiness.percent === 100 ? 'ready' : readiness.percent >= 50 ? 'partway' : 'low';
  return (
    <section className={`card section readiness readiness-${tone}`} aria-labelledby="readiness-heading" data-testid="pm-readiness" data-percent={readiness.percent}>
      <h2 id="readiness-heading" className="section-title">{t('postmortem.readiness')}</h2>
      <div className="readiness-figure">
        <span className="readiness-percent" data-testid="pm-readiness-percent">
          {readiness.percent}
          <small>%</small>
        </span>
        <span className="muted small">{readiness.percent === 100 ? t('postmortem.readyForMeeting') : t('postmortem.missingCount', { count: readiness.missing.length })}</span>
      </div>
      <div className="readiness-meter" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={readiness.percent} aria-label={t('postmortem.readiness')}>
        <span style={{ width: `${readiness.percent}%` }} />
      </div>
      <ul className="checklist">
        {readiness.items.map((item) => (
          <li key={item.id} className={item.done ? 'check-done' : 'check-missing'} data-testid="pm-check" data-check={item.id} data-done={item.done}>
            <span className="check-mark" aria-hidden="true">
              {item.done ? '✓' : ''}
            </span>
            <span className="sr-only">{item.done ? t('postmortem.checkDone') : t('postmortem.checkMissing')}</span>
            {pickText(item.label, lang)}
          </li>
        ))}
      </ul>
      {readiness.missing.length ? (
        <div className="readiness-missing">
          <h3>{t('postmortem.missing')}</h3>
          <ul data-testid="pm-missing">
            {readiness.missing.map((gap) => (
              <li key={gap.id} data-testid="pm-missing-item" data-check={gap.id}>
                <strong>{pickText(gap.label, lang)}</strong>
                <span>{pickText(gap.reason, lang)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
