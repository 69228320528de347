import type { PageRecord } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';
import { Link } from '../../lib/router.js';

/** "Level 2 of 3", and "round 2 of 3" when the policy repeats. */
export function PageProgress({ page }: { page: PageRecord }) {
  const { t } = useI18n();
  const level = t('pages.levelOf', { level: page.level, levels: page.levels });
  return <>{page.repeat > 0 ? `${level} · ${t('pages.roundOf', { cycle: page.cycle + 1, rounds: page.repeat + 1 })}` : level}</>;
}

/** What was paged: a policy, whoever is on call on a schedule, or one person. */
export function PageTarget({ page, linked = false }: { page: PageRecord; linked?: boolean }) {
  const { t } = useI18n();
  const { type, id, name } = page.target;
  const href = type === 'policy' ? `/escalation-policies/${encodeURIComponent(id)}` : type === 'schedule' ? `/oncall/schedules/${encodeURIComponent(id)}` : null;
  const shown = linked && href ? <Link to={href}>{name}</Link> : name;
  return <span data-testid="page-target-summary">{type === 'policy' ? shown : type === 'schedule' ? <>{t('pages.target.schedule')} {shown}</> : shown}</span>;
}
