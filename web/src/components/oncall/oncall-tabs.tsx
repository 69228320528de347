import { useI18n } from '../../i18n/index.js';
import { Link } from '../../lib/router.js';

/** Schedules | My shifts, under the on-call heading. */
export function OnCallTabs({ active }: { active: 'schedules' | 'mine' }) {
  const { t } = useI18n();
  const tab = (to: string, name: 'schedules' | 'mine', label: string) => (
    <Link to={to} className={active === name ? 'subnav-link active' : 'subnav-link'} aria-current={active === name ? 'page' : undefined} data-testid={`oncall-tab-${name}`}>
      {label}
    </Link>
  );
  return (
    <nav className="subnav" aria-label={t('oncall.title')}>
      {tab('/oncall', 'schedules', t('oncall.schedules'))}
      {tab('/oncall/my-shifts', 'mine', t('myShifts.title'))}
    </nav>
  );
}
