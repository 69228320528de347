import { useI18n } from '../../i18n/index.js';
import { Link } from '../../lib/router.js';

type Tab = 'alerts' | 'integrations' | 'severity';

/** Alerts | Integrations | Severity policy: what comes in, how it gets in, what it makes of it. */
export function AlertsTabs({ active }: { active: Tab }) {
  const { t } = useI18n();
  const tab = (to: string, name: Tab, label: string) => (
    <Link to={to} className={active === name ? 'subnav-link active' : 'subnav-link'} aria-current={active === name ? 'page' : undefined} data-testid={`alerts-tab-${name}`}>
      {label}
    </Link>
  );
  return (
    <nav className="subnav" aria-label={t('nav.alerts')}>
      {tab('/alerts', 'alerts', t('alerts.title'))}
      {tab('/integrations', 'integrations', t('integrations.title'))}
      {tab('/severity-policy', 'severity', t('severityPolicy.title'))}
    </nav>
  );
}
