import { useEffect } from 'react';
import { useSloList, useSloStatuses, type SloDetail, type SloView } from '../../api/slos.js';
import type { User } from '../../api/types.js';
import { ErrorMessage } from '../../components/error-message.js';
import { ReviewTabs } from '../../components/slos/review-tabs.js';
import { SloImportForm } from '../../components/slos/slo-import-form.js';
import { BudgetBar, BudgetingLabel, BurnBadge, OriginLabel, SourceBadge, usePercent, WindowLabel } from '../../components/slos/slo-labels.js';
import { useI18n } from '../../i18n/index.js';
import { Link } from '../../lib/router.js';
import { percent } from '../../lib/slo-yaml.js';
import '../../styles/slos.css';

/** Every SLO grouped by service, with its status now; admins import or add SLOs below. */
export function SlosPage({ user }: { user: User }) {
  const { t } = useI18n();
  const list = useSloList();
  const slos = list.data?.items ?? [];
  const statuses = useSloStatuses(slos.map((slo) => slo.id));
  const statusOf = new Map(slos.map((slo, i) => [slo.id, statuses[i]]));
  const services = [...new Set(slos.map((slo) => slo.service))].sort((a, b) => a.localeCompare(b));

  useEffect(() => {
    document.title = `${t('slos.title')} · Hikeshi`;
  }, [t]);

  return (
    <div className="page slos-page">
      <ReviewTabs active="slos" />
      <div className="page-header">
        <h1>{t('slos.title')}</h1>
      </div>
      {list.error ? <ErrorMessage error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && !slos.length ? <p className="slo-empty" data-testid="slos-empty">{t('slos.empty')}</p> : null}
      {services.map((service) => (
        <section key={service} className="slo-service" data-testid="slo-service" data-service={service}>
          <h2>{service}</h2>
          <table className="slo-table">
            <thead>
              <tr>
                <th>{t('slos.slo')}</th><th>{t('slos.objective')}</th><th>{t('slos.window')}</th><th>{t('slos.budgeting')}</th><th>{t('slos.source')}</th>
                <th>{t('slos.attainment')}</th><th>{t('slos.budgetLeft')}</th><th>{t('slos.burn')}</th><th>{t('slos.origin')}</th>
              </tr>
            </thead>
            <tbody>
              {slos.filter((slo) => slo.service === service).map((slo) => <SloRow key={slo.id} slo={slo} detail={statusOf.get(slo.id)?.data} failed={Boolean(statusOf.get(slo.id)?.isError)} />)}
            </tbody>
          </table>
        </section>
      ))}
      {user.role === 'admin' ? <SloImportForm /> : null}
    </div>
  );
}

/** `failed`: its status could not be read (a dash, not a figure that looks like data). */
function SloRow({ slo, detail, failed }: { slo: SloView; detail: SloDetail | undefined; failed: boolean }) {
  const { t } = useI18n();
  const pct = usePercent();
  const status = detail?.status;
  const pending = failed ? '—' : t('slos.loading');
  return (
    <tr data-testid="slo-row" data-slo={slo.id}>
      <td>
        <Link to={`/slos/${encodeURIComponent(slo.id)}`} className="slo-name">{slo.name}</Link>
        {slo.name !== slo.id ? <div className="slo-id">{slo.id}</div> : null}
      </td>
      <td className="num">{percent(slo.objective)} %</td>
      <td><WindowLabel window={slo.window} /></td>
      <td><BudgetingLabel budgeting={slo.budgeting} /></td>
      <td><SourceBadge source={slo.source} /></td>
      <td className="num" data-testid="slo-attainment">{status ? pct(status.attainment, 3) : pending}</td>
      <td>{status ? <BudgetBar fraction={status.remainingFraction} /> : pending}</td>
      <td>{status ? <BurnBadge state={status.burn.state} /> : null}</td>
      <td><OriginLabel slo={slo} /></td>
    </tr>
  );
}
