import { useEffect } from 'react';
import { useDeleteSlo, useSlo, type BurnWindow, type SloDetail } from '../../api/slos.js';
import type { User } from '../../api/types.js';
import { ErrorMessage } from '../../components/error-message.js';
import { ReviewTabs } from '../../components/slos/review-tabs.js';
import { BudgetBar, BudgetingLabel, BurnBadge, OriginLabel, SourceBadge, usePercent, WindowLabel } from '../../components/slos/slo-labels.js';
import { useI18n } from '../../i18n/index.js';
import { Link, navigate } from '../../lib/router.js';
import { formatAbsolute } from '../../lib/time.js';
import { percent, sloYaml } from '../../lib/slo-yaml.js';
import '../../styles/slos.css';

const WINDOWS: BurnWindow[] = ['5m', '30m', '1h', '6h', '3d'];

/** One SLO: its status now (budget, burn rates, alert checks, exhaustion, gaps) and its definition. */
export function SloPage({ id, user }: { id: string; user: User }) {
  const { t } = useI18n();
  const slo = useSlo(id);
  const remove = useDeleteSlo();

  useEffect(() => {
    document.title = `${slo.data?.name ?? id} · ${t('slos.title')} · Hikeshi`;
  }, [t, slo.data?.name, id]);

  return (
    <div className="page slo-page" data-testid="slo-page">
      <ReviewTabs active="slos" />
      <Link to="/slos" className="slo-back">{t('slos.detail.back')}</Link>
      {slo.error ? <ErrorMessage error={slo.error} onRetry={() => void slo.refetch()} /> : null}
      {slo.data ? (
        <>
          <div className="page-header">
            <h1 data-testid="slo-title">{slo.data.name}</h1>
            {user.role === 'admin' && slo.data.origin === 'api' ? (
              <button
                type="button"
                className="btn btn-danger"
                disabled={remove.isPending}
                data-testid="slo-delete"
                onClick={() => {
                  if (window.confirm(t('slos.detail.confirmDelete', { id }))) remove.mutate(id, { onSuccess: () => navigate('/slos') });
                }}
              >
                {t('slos.detail.delete')}
              </button>
            ) : null}
          </div>
          {remove.error ? <ErrorMessage error={remove.error} /> : null}
          <p className="slo-meta">
            <code>{slo.data.id}</code> · {t('slos.detail.service', { service: slo.data.service })} · {percent(slo.data.objective)} % · <WindowLabel window={slo.data.window} /> ·{' '}
            <BudgetingLabel budgeting={slo.data.budgeting} /> · <SourceBadge source={slo.data.source} /> · <OriginLabel slo={slo.data} />
          </p>
          {slo.data.description ? <p>{slo.data.description}</p> : null}
          <Status slo={slo.data} />
          <section className="slo-card">
            <h2>{t('slos.detail.definition')}</h2>
            {slo.data.origin === 'file' && slo.data.file ? <p className="slo-hint">{t('slos.detail.definitionFile', { file: slo.data.file })}</p> : null}
            <pre className="slo-yaml" data-testid="slo-yaml">{sloYaml(slo.data)}</pre>
          </section>
        </>
      ) : null}
    </div>
  );
}

function Status({ slo }: { slo: SloDetail }) {
  const { t, lang } = useI18n();
  const pct = usePercent();
  const { status } = slo;
  const number = (value: number) => value.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US', { maximumFractionDigits: 1 });
  const amount = (value: number) => t(status.unit === 'events' ? 'slos.detail.amount.events' : 'slos.detail.amount.minutes', { n: number(value) });
  const noData = status.attainment === null;
  return (
    <section className="slo-card" data-testid="slo-status">
      <h2>{t('slos.detail.status')}</h2>
      <p className="slo-hint">
        {t('slos.detail.windowSpan', { start: formatAbsolute(status.window.start, lang), end: formatAbsolute(status.window.end, lang) })} ·{' '}
        {t('slos.detail.coverage', { share: `${(status.coverage * 100).toFixed(1)} %` })}
      </p>
      {status.estimated ? <p className="slo-estimated" data-testid="slo-estimated">{t('slos.detail.estimated')}</p> : null}
      <div className="slo-figures">
        <Figure label={t('slos.attainment')} testId="slo-detail-attainment">{pct(status.attainment, 3)}</Figure>
        <Figure label={t('slos.budgetLeft')} testId="slo-detail-left"><BudgetBar fraction={status.remainingFraction} /></Figure>
        <Figure label={t('slos.detail.health')} testId="slo-detail-health"><span className={`slo-health slo-health-${status.health}`}>{t(`slos.health.${status.health}`)}</span></Figure>
        <Figure label={t('slos.burn')} testId="slo-detail-burn"><BurnBadge state={status.burn.state} /></Figure>
        <Figure label={t('slos.detail.exhaustion')} testId="slo-detail-exhaustion">{status.exhaustionAt ? formatAbsolute(status.exhaustionAt, lang) : t('slos.detail.notBurning')}</Figure>
      </div>

      <h3>{t('slos.detail.budget')}</h3>
      <table className="slo-table slo-compact" data-testid="slo-budget-figures">
        <tbody>
          <tr><th>{t('slos.detail.total')}</th><td className="num">{noData ? t('slos.noData') : amount(status.budget)}</td></tr>
          <tr><th>{t('slos.detail.consumed')}</th><td className="num">{noData ? t('slos.noData') : amount(status.consumed)}</td></tr>
          <tr><th>{t('slos.detail.remaining')}</th><td className="num">{noData ? t('slos.noData') : amount(status.remaining)}</td></tr>
        </tbody>
      </table>

      <h3>{t('slos.detail.burnRates')}</h3>
      <table className="slo-table slo-compact" data-testid="slo-burn-rates">
        <thead><tr>{WINDOWS.map((window) => <th key={window}>{window}</th>)}</tr></thead>
        <tbody><tr>{WINDOWS.map((window) => <td key={window} className="num">{status.burn.rates[window] === null ? t('slos.noData') : `${status.burn.rates[window]!.toFixed(2)}×`}</td>)}</tr></tbody>
      </table>

      <h3>{t('slos.detail.checks')}</h3>
      <ul className="slo-checks" data-testid="slo-checks">
        {status.burn.checks.map((check) => (
          <li key={`${check.long}-${check.short}`} className={check.firing ? 'firing' : ''}>
            {t('slos.detail.check', { severity: t(`slos.burn.${check.severity}`), long: check.long, short: check.short, threshold: check.threshold.toFixed(2) })} —{' '}
            <strong>{check.firing ? t('slos.detail.firing') : t('slos.detail.quiet')}</strong>
          </li>
        ))}
      </ul>

      <h3>{t('slos.detail.gaps')}</h3>
      {status.pull?.lastError ? <p className="slo-estimated">{t('slos.detail.lastError', { error: status.pull.lastError })}</p> : null}
      {status.gaps.length ? (
        <ul className="slo-gaps" data-testid="slo-gaps">
          {status.gaps.map((gap) => (
            <li key={`${gap.start}-${gap.reason}`}>{formatAbsolute(gap.start, lang)} – {formatAbsolute(gap.end, lang)}: <code>{gap.reason}</code>{gap.detail ? ` ${gap.detail}` : ''}</li>
          ))}
        </ul>
      ) : <p className="slo-hint">{t('slos.detail.noGaps')}</p>}
    </section>
  );
}

function Figure({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  return (
    <div className="slo-figure">
      <div className="slo-figure-label">{label}</div>
      <div className="slo-figure-value" data-testid={testId}>{children}</div>
    </div>
  );
}
