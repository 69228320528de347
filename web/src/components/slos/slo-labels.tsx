import type { SloDetail, SloView } from '../../api/slos.js';
import { useI18n } from '../../i18n/index.js';
import { percent } from '../../lib/slo-yaml.js';

type BurnState = SloDetail['status']['burn']['state'];

/** A fraction as a percentage with the given digits; null is "no data", never 100 %. */
export function usePercent() {
  const { t } = useI18n();
  return (value: number | null, digits = 1) => (value === null ? t('slos.noData') : `${(value * 100).toFixed(digits)} %`);
}

export function WindowLabel({ window }: { window: SloView['window'] }) {
  const { t } = useI18n();
  if (window.kind === 'rolling') return <>{t('slos.window.rolling', { days: window.days })}</>;
  return <>{t(window.unit === 'week' ? 'slos.window.week' : 'slos.window.month', { zone: window.timeZone })}</>;
}

export function BudgetingLabel({ budgeting }: { budgeting: SloView['budgeting'] }) {
  const { t } = useI18n();
  return <>{budgeting.kind === 'occurrences' ? t('slos.budgeting.occurrences') : t('slos.budgeting.timeslices', { target: percent(budgeting.sliceTarget) })}</>;
}

export function SourceBadge({ source }: { source: SloView['source'] }) {
  const { t } = useI18n();
  const kind = source.kind === 'push' ? 'push' : source.kind === 'incidents' ? 'estimated' : 'prometheus';
  return <span className={`slo-source slo-source-${kind}`} data-testid="slo-source">{t(`slos.source.${kind}`)}</span>;
}

export function OriginLabel({ slo }: { slo: Pick<SloView, 'origin' | 'file'> }) {
  const { t } = useI18n();
  return slo.origin === 'file' && slo.file ? <code className="slo-origin-file">{slo.file}</code> : <span className="slo-origin-api">{t('slos.origin.api')}</span>;
}

export function BurnBadge({ state }: { state: BurnState }) {
  const { t } = useI18n();
  return <span className={`slo-burn slo-burn-${state}`} data-testid="slo-burn" data-state={state}>{t(`slos.burn.${state}`)}</span>;
}

/** The share of budget left as a small bar; without data a dash-filled track and "no data". */
export function BudgetBar({ fraction }: { fraction: number | null }) {
  const pct = usePercent();
  const width = fraction === null ? 0 : Math.max(0, Math.min(1, fraction)) * 100;
  const tone = fraction === null ? 'none' : fraction <= 0 ? 'exhausted' : fraction < 0.25 ? 'at-risk' : 'healthy';
  return (
    <span className="slo-budget-left" data-testid="slo-budget-left">
      <span className={`slo-bar slo-bar-${tone}`} aria-hidden="true"><span className="slo-bar-fill" style={{ width: `${width}%` }} /></span>
      <span className="slo-bar-text">{pct(fraction)}</span>
    </span>
  );
}
