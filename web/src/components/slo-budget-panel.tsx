import { formatShare, formatThreshold } from '../../../src/domain/slo/budget-sentence.js';
import { useIncidentSloImpact, type SloImpactView } from '../api/slo-impact.js';
import { useI18n } from '../i18n/index.js';
import { formatAbsolute } from '../lib/time.js';
import { ErrorMessage } from './error-message.js';
import '../styles/slo-budget.css';

const amount = (value: number, lang: string) => value.toLocaleString(lang, { maximumFractionDigits: 1 });

/**
 * The error budget the incident burnt on each SLO of its services: a bar per SLO against the
 * policy line, the figures, what makes them less than measured, and "postmortem required".
 * Shown once there are figures (they are computed at mitigation); nothing for incidents no SLO covers.
 */
export function SloBudgetPanel({ reference, mitigated }: { reference: string; mitigated: boolean }) {
  const { t } = useI18n();
  const impact = useIncidentSloImpact(reference, mitigated);
  if (impact.error) return <ErrorMessage error={impact.error} onRetry={() => void impact.refetch()} />;
  const data = impact.data;
  if (!data?.impacts.length) return null;
  const threshold = formatThreshold(data.threshold);

  return (
    <section className="card section slo-budget" aria-labelledby="slo-budget-heading" data-testid="slo-budget-panel" data-required={data.postmortemRequired}>
      <div className="section-header">
        <h2 id="slo-budget-heading">{t('sloBudget.title')}</h2>
        {data.postmortemRequired ? (
          <span className="badge slo-budget-required" data-testid="slo-budget-required">
            <span className="dot" />
            {t('sloBudget.postmortemRequired')}
          </span>
        ) : null}
      </div>
      {data.postmortemRequired ? <p className="slo-budget-hint">{t('sloBudget.requiredHint', { threshold })}</p> : null}
      <ul className="slo-budget-list">
        {data.impacts.map((row) => (
          <SloBudgetRow key={row.sloId} row={row} threshold={data.threshold} />
        ))}
      </ul>
    </section>
  );
}

function SloBudgetRow({ row, threshold }: { row: SloImpactView; threshold: number }) {
  const { t, lang } = useI18n();
  const share = formatShare(row.share);
  const over = row.share >= threshold - 1e-9;
  const window =
    row.window.kind === 'rolling' ? t('sloBudget.window.rolling', { days: row.window.days }) : t(row.window.unit === 'week' ? 'sloBudget.window.week' : 'sloBudget.window.month');
  const figures = { bad: amount(row.bad, lang), budget: amount(row.budget, lang) };
  return (
    <li className={`slo-budget-row${over ? ' slo-budget-over' : ''}`} data-testid="slo-budget-row" data-slo={row.sloId} data-share={row.share}>
      <div className="slo-budget-head">
        <span className="slo-budget-name">{row.sloName}</span>
        <span className="muted small">{window}</span>
        <span className="slo-budget-share" data-testid="slo-budget-share">
          {share}
        </span>
      </div>
      <div
        className="slo-budget-bar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(row.share * 1000) / 10}
        aria-label={t('sloBudget.barLabel', { slo: row.sloName, share })}
      >
        <span className="slo-budget-fill" style={{ width: `${Math.min(1, row.share) * 100}%` }} />
        <span className="slo-budget-line" style={{ left: `${threshold * 100}%` }} title={t('sloBudget.threshold', { threshold: formatThreshold(threshold) })} />
      </div>
      <div className="slo-budget-figures small">
        <span data-testid="slo-budget-figures">{t(row.unit === 'events' ? 'sloBudget.events' : 'sloBudget.minutes', figures)}</span>
        <span className="muted">{t('sloBudget.span', { from: formatAbsolute(row.spanStart, lang), to: formatAbsolute(row.spanEnd, lang) })}</span>
      </div>
      {row.estimated ? <Note testId="slo-budget-estimated" label={t('sloBudget.estimated')} hint={t('sloBudget.estimatedHint')} /> : null}
      {row.fallback ? <Note testId="slo-budget-fallback" label={t('sloBudget.fallback')} hint={t('sloBudget.fallbackHint')} /> : null}
    </li>
  );
}

function Note({ label, hint, testId }: { label: string; hint: string; testId: string }) {
  return (
    <p className="slo-budget-note small" data-testid={testId}>
      <span className="slo-budget-tag">{label}</span>
      <span className="muted">{hint}</span>
    </p>
  );
}
