import { useI18n } from '../../i18n/index.js';
import { Link } from '../../lib/router.js';

/** Alerts | Integrations, under the alerts heading. */
export function AlertsTabs({ active }: { active: 'alerts' | 'integrations' }) {
  const { t } = useI18n();
  const tab = (to: string, name: 'alerts' | 'integrations', label: string) => (
    <Link to={to} className={active === name ? 'subnav-link active' : 'subnav-link'} aria-current={active === name ? 'page' : undefined} data-testid={`alerts-tab-${name}`}>
      {label}
    </Link>
  );
  return (
    <nav className="subnav" aria-label={t('alerts.title')}>
      {tab('/alerts', 'alerts', t('alerts.title'))}
      {tab('/integrations', 'integrations', t('integrations.title'))}
    </nav>
  );
}
