import { useI18n } from '../../i18n/index.js';
import { Link } from '../../lib/router.js';

type Tab = 'review' | 'slos';

/** Weekly review | SLOs: the two pages behind the top bar's Review link. */
export function ReviewTabs({ active }: { active: Tab }) {
  const { t } = useI18n();
  const tab = (to: string, name: Tab, label: string) => (
    <Link to={to} className={active === name ? 'subnav-link active' : 'subnav-link'} aria-current={active === name ? 'page' : undefined} data-testid={`review-tab-${name}`}>
      {label}
    </Link>
  );
  return (
    <nav className="subnav no-print" aria-label={t('nav.review')}>
      {tab('/reports/weekly', 'review', t('slos.tabs.review'))}
      {tab('/slos', 'slos', t('slos.tabs.slos'))}
    </nav>
  );
}
