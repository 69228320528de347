import { useState } from 'react';
import { reviewQuery, useWeeklyReview, type ReviewScope, type WeeklyReview } from '../../api/reports.js';
import { BurndownChart } from '../../components/reports/burndown-chart.js';
import { ErrorMessage } from '../../components/error-message.js';
import { ReviewTabs } from '../../components/slos/review-tabs.js';
import { useI18n } from '../../i18n/index.js';
import { navigate, useLocation } from '../../lib/router.js';
import { formatDuration, formatInZone } from '../../lib/time.js';
import '../../styles/reports.css';

type ScopeKind = 'organisation' | 'team' | 'service';

/** The ISO week before the current one (UTC reading; the server answers in its own zone). */
function lastWeek(): string {
  const now = new Date(Date.now() - 7 * 86_400_000);
  const day = (now.getUTCDay() + 6) % 7;
  const thursday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day + 3));
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / (7 * 86_400_000));
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function WeeklyReviewPage() {
  const { t } = useI18n();
  const location = useLocation();
  const scope: ReviewScope = {
    week: location.search.get('week') ?? lastWeek(),
    ...(location.search.get('team') ? { team: location.search.get('team')! } : {}),
    ...(location.search.get('service') ? { service: location.search.get('service')! } : {}),
  };
  const [week, setWeek] = useState(scope.week);
  const [kind, setKind] = useState<ScopeKind>(scope.team ? 'team' : scope.service ? 'service' : 'organisation');
  const [name, setName] = useState(scope.team ?? scope.service ?? '');
  const review = useWeeklyReview(scope);
  const show = () => navigate(`/reports/weekly?${reviewQuery({ week, ...(kind === 'team' && name ? { team: name } : {}), ...(kind === 'service' && name ? { service: name } : {}) })}`);
  return (
    <main className="page weekly-review" data-testid="weekly-review">
      <ReviewTabs active="review" />
      <h1>{t('reports.title')} {review.data?.week ?? scope.week}</h1>
      <form className="review-controls no-print" onSubmit={(e) => { e.preventDefault(); show(); }}>
        <label>{t('reports.week')} <input type="week" value={week} onChange={(e) => setWeek(e.target.value)} data-testid="review-week" /></label>
        <label>{t('reports.scope')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as ScopeKind)} data-testid="review-scope">
            <option value="organisation">{t('reports.organisation')}</option>
            <option value="team">{t('reports.team')}</option>
            <option value="service">{t('reports.service')}</option>
          </select>
        </label>
        {kind !== 'organisation' && <label>{t('reports.name')} <input value={name} onChange={(e) => setName(e.target.value)} data-testid="review-scope-name" /></label>}
        <button type="submit">{t('reports.show')}</button>
        <button type="button" onClick={() => downloadMarkdown(scope)} data-testid="review-export">{t('reports.exportMarkdown')}</button>
        <button type="button" onClick={() => window.print()}>{t('reports.print')}</button>
      </form>
      {review.error ? <ErrorMessage error={review.error} /> : review.data ? <Review review={review.data} /> : null}
    </main>
  );
}

async function downloadMarkdown(scope: ReviewScope): Promise<void> {
  const lang = document.documentElement.lang === 'ja' ? 'ja' : 'en';
  const response = await fetch(`/api/v1/reports/weekly?${reviewQuery(scope)}&format=markdown&lang=${lang}`, { credentials: 'same-origin' });
  const text = await response.text();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/markdown' }));
  link.download = `weekly-review-${scope.week}${scope.team ? `-${scope.team}` : scope.service ? `-${scope.service}` : ''}.md`;
  link.click();
  URL.revokeObjectURL(link.href);
}

function Review({ review }: { review: WeeklyReview }) {
  const { t, lang, label } = useI18n();
  const zone = review.period.timeZone;
  const pct = (v: number | null, digits = 1) => (v === null ? t('reports.noData') : `${(v * 100).toFixed(digits)} %`);
  const dur = (ms: number | null) => (ms === null ? '—' : formatDuration(ms, lang));
  const at = (iso: string) => formatInZone(iso, lang, zone, 'dateTime');
  const sloName = new Map(review.slos.map((s) => [s.sloId, s.name]));
  const d = review.incidents.durations;
  return (
    <>
      <p className="review-period">{t('reports.period', { start: at(review.period.start), end: at(review.period.end), zone })}</p>
      {!review.complete && <p className="review-running">{t('reports.running', { time: at(review.generatedAt) })}</p>}

      <section>
        <h2>{t('reports.slos')}</h2>
        {!review.slos.length ? <p>{t('reports.noSlos')}</p> : (
          <>
            {review.noData.slos && <p className="no-data" data-testid="review-no-slo-data">{t('reports.noSloData')}</p>}
            <table data-testid="review-slos">
              <thead><tr><th>SLO</th><th>{t('reports.service')}</th><th>{t('reports.objective')}</th><th>{t('reports.attainment')}</th><th>{t('reports.budgetLeft')}</th><th>{t('reports.burnt')}</th><th>{t('reports.vsLastWeek')}</th><th>{t('reports.status')}</th><th>{t('reports.exhaustion')}</th></tr></thead>
              <tbody>
                {review.slos.map((row) => (
                  <tr key={row.sloId}>
                    <td>{row.name}</td><td>{row.service}</td><td>{pct(row.objective, 2)}</td><td>{pct(row.attainment, 3)}</td><td>{pct(row.budgetRemaining)}</td><td>{pct(row.burntThisWeek)}</td>
                    <td>{row.budgetRemainingChange === null ? t('reports.noData') : `${row.budgetRemainingChange < 0 ? '−' : '+'}${Math.abs(row.budgetRemainingChange * 100).toFixed(1)} pt`}</td>
                    <td><span className={`health health-${row.status}`}>{t(`reports.health.${row.status}`)}</span></td>
                    <td>{row.projectedExhaustion ? formatInZone(row.projectedExhaustion, lang, zone, 'day') : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>{t('reports.burndown')}</h3>
            <BurndownChart burndown={review.burndown} timeZone={zone} />
          </>
        )}
      </section>

      <section>
        <h2>{t('reports.attribution')}</h2>
        {review.attribution.every((a) => a.bad === 0) ? <p>{t('reports.noBurn')}</p> : (
          <table data-testid="review-attribution">
            <thead><tr><th>SLO</th><th>{t('reports.incident')}</th><th>{t('reports.burnt')}</th><th>{t('reports.budget')}</th></tr></thead>
            <tbody>
              {review.attribution.filter((a) => a.bad > 0).flatMap((a) => [
                ...a.incidents.map((i) => (
                  <tr key={`${a.sloId}-${i.incidentId}`}>
                    <td>{sloName.get(a.sloId)}</td>
                    <td>{i.reference}{i.partial && ` (${t('reports.partial')})`}{i.postmortemRequired && <strong> {t('reports.pmRequired')}</strong>}</td>
                    <td>{i.bad.toFixed(1)} {a.unit}</td><td>{pct(i.share)}</td>
                  </tr>
                )),
                <tr key={`${a.sloId}-rest`} className="unattributed"><td>{sloName.get(a.sloId)}</td><td>{t('reports.unattributed')}</td><td>{a.unattributed.bad.toFixed(1)} {a.unit}</td><td>{pct(a.unattributed.share)}</td></tr>,
              ])}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h2>{t('reports.incidents')}</h2>
        {review.noData.incidents ? <p>{t('reports.noIncidents')}</p> : (
          <>
            <p>{t('reports.declared')}: {Object.entries(review.incidents.declaredBySeverity).map(([s, n]) => `${s} ${n}`).join(' · ')}</p>
            <table data-testid="review-incidents">
              <thead><tr><th>{t('reports.incident')}</th><th>{t('reports.severity')}</th><th>{t('reports.services')}</th><th>TTA</th><th>TTM</th><th>TTR</th><th>{t('reports.budget')}</th><th>{t('reports.postmortem')}</th></tr></thead>
              <tbody>
                {review.incidents.lines.map((line) => (
                  <tr key={line.id}>
                    <td><a href={`/incidents/${line.reference}`}>{line.reference}</a> {line.title}{line.carriedOver && ` (${t('reports.carriedOver')})`}</td>
                    <td>{line.severity}</td><td>{line.services.join(', ')}</td>
                    <td>{dur(line.durations.timeToAcknowledge)}</td><td>{dur(line.durations.timeToMitigate)}</td><td>{dur(line.durations.timeToResolve)}</td>
                    <td>{line.budget.map((b) => `${b.sloId} ${pct(b.share)}`).join(', ') || '—'}</td>
                    <td>{line.postmortem.status === 'none' ? '—' : label('pmStatus', line.postmortem.status)}{line.postmortem.required && line.postmortem.status !== 'published' && <strong> {t('reports.pmRequired')}</strong>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <h3>{t('reports.durations')}</h3>
        <table data-testid="review-durations">
          <thead><tr><th /><th>p50</th><th>p90</th><th>n</th></tr></thead>
          <tbody>
            {([['reports.tta', d.timeToAcknowledge], ['reports.ttm', d.timeToMitigate], ['reports.ttr', d.timeToResolve]] as const).map(([key, s]) => (
              <tr key={key}><td>{t(key)}</td><td>{s.p50 === null ? t('reports.noData') : dur(s.p50)}</td><td>{s.p90 === null ? t('reports.noData') : dur(s.p90)}</td><td>{s.n}</td></tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2>{t('reports.paging')}</h2>
        {review.noData.paging ? <p>{t('reports.noPages')}</p> : (
          <>
            <table data-testid="review-paging">
              <thead><tr><th>{t('reports.responder')}</th><th>{t('reports.business')}</th><th>{t('reports.off')}</th><th>{t('reports.sleep')}</th><th>{t('reports.total')}</th></tr></thead>
              <tbody>
                {review.paging.responders.map((r) => <tr key={r.userId}><td>{r.name}</td><td>{r.business}</td><td>{r.off}</td><td>{r.sleep}</td><td>{r.total}</td></tr>)}
                <tr className="total"><td>{t('reports.total')}</td><td>{review.paging.interruptions.business}</td><td>{review.paging.interruptions.off}</td><td>{review.paging.interruptions.sleep}</td><td>{review.paging.interruptions.total}</td></tr>
              </tbody>
            </table>
            <p>{t('reports.hours', { n: review.paging.hoursWithInterruption })}</p>
          </>
        )}
      </section>

      <section>
        <h2>{t('reports.followUps')}</h2>
        <p data-testid="review-follow-ups">{t('reports.followUpCounts', { opened: review.followUps.opened, closed: review.followUps.closed, overdue: review.followUps.overdue })}</p>
        {review.followUps.overdueItems.length > 0 && (
          <table>
            <thead><tr><th>{t('reports.incident')}</th><th>{t('reports.followUps')}</th><th>{t('reports.owner')}</th><th>{t('reports.due')}</th></tr></thead>
            <tbody>{review.followUps.overdueItems.map((i) => <tr key={i.id} className="overdue"><td>{i.reference}</td><td>{i.title}</td><td>{i.ownerName ?? '—'}</td><td>{i.dueDate} (+{i.daysOverdue})</td></tr>)}</tbody>
          </table>
        )}
        <h2>{t('reports.postmortemsDue')}</h2>
        {!review.postmortemsDue.count ? <p>{t('reports.noPostmortemsDue')}</p> : (
          <ul data-testid="review-postmortems-due">
            {review.postmortemsDue.items.map((i) => <li key={i.incidentId}><a href={`/incidents/${i.reference}/postmortem`}>{i.reference}</a> {i.severity} {i.title} — {i.status === 'none' ? '—' : label('pmStatus', i.status)} · {t('reports.age', { n: i.ageDays })}</li>)}
          </ul>
        )}
      </section>
    </>
  );
}
