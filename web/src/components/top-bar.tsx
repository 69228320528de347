import type { User } from '../api/types.js';
import { useLogout } from '../api/queries.js';
import { LANGUAGE_NAMES, LANGUAGES, useI18n, type Lang } from '../i18n/index.js';
import { Link, navigate, useLocation } from '../lib/router.js';
import { Avatar } from './badges.js';
import { LogoMark } from './logo.js';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('nav.language')}>
      {LANGUAGES.map((code: Lang) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={lang === code}
          className={lang === code ? 'active' : ''}
          onClick={() => setLang(code)}
          data-testid={`lang-${code}`}
        >
          {LANGUAGE_NAMES[code]}
        </button>
      ))}
    </div>
  );
}

function NavLink({ to, active, testId, label }: { to: string; active: boolean; testId: string; label: string }) {
  return (
    <Link to={to} className={active ? 'nav-link active' : 'nav-link'} aria-current={active ? 'page' : undefined} data-testid={testId}>
      {label}
    </Link>
  );
}

export function TopBar({ user }: { user: User }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const logout = useLogout();
  const onIncidents = pathname === '/incidents' || (pathname.startsWith('/incidents/') && pathname !== '/incidents/new');
  const onRunbooks = pathname === '/runbooks' || pathname.startsWith('/runbooks/');

  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Link to="/incidents" className="brand" aria-label="Hikeshi">
          <LogoMark />
          <span className="brand-ja" lang="ja">火消し</span>
          <span className="brand-en">Hikeshi</span>
        </Link>
        <nav className="nav" aria-label={t('nav.main')}>
          <Link to="/incidents" className={onIncidents ? 'nav-link active' : 'nav-link'} aria-current={onIncidents ? 'page' : undefined} data-testid="nav-incidents">
            {t('nav.incidents')}
          </Link>
          <NavLink to="/oncall" active={pathname === '/oncall' || pathname.startsWith('/oncall/')} testId="nav-oncall" label={t('nav.oncall')} />
          <NavLink to="/escalation-policies" active={pathname.startsWith('/escalation-policies')} testId="nav-escalation" label={t('nav.escalation')} />
          <NavLink to="/runbooks" active={onRunbooks} testId="nav-runbooks" label={t('nav.runbooks')} />
          <NavLink to="/pages" active={pathname === '/pages' || pathname.startsWith('/pages/')} testId="nav-pages" label={t('nav.pages')} />
          <NavLink to="/alerts" active={/^\/(alerts|integrations|severity-policy)(\/|$)/.test(pathname)} testId="nav-alerts" label={t('nav.alerts')} />
          <NavLink to="/reports/weekly" active={pathname.startsWith('/reports/') || pathname === '/slos' || pathname.startsWith('/slos/')} testId="nav-review" label={t('nav.review')} />
          {user.role === 'admin' ? (
            <Link to="/settings" className={pathname === '/settings' ? 'nav-link active' : 'nav-link'} aria-current={pathname === '/settings' ? 'page' : undefined} data-testid="nav-settings">
              {t('nav.settings')}
            </Link>
          ) : null}
        </nav>
        <div className="topbar-right">
          <Link to="/incidents/new" className="btn btn-danger btn-small" data-testid="nav-declare">
            <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
              <path d="M6 1.5v9M1.5 6h9" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
            {t('nav.declare')}
          </Link>
          <LanguageSwitch />
          <span className="current-user" title={t('nav.signedInAs', { name: user.name })} data-testid="current-user">
            <Avatar name={user.name} size={24} />
            <span className="current-user-name">{user.name}</span>
          </span>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            disabled={logout.isPending}
            onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
            data-testid="logout"
          >
            {t('nav.logout')}
          </button>
        </div>
      </div>
    </header>
  );
}
