import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { setUnauthorizedHandler } from './api/client.js';
import { keys, useSession } from './api/queries.js';
import type { User } from './api/types.js';
import { ErrorMessage } from './components/error-message.js';
import { TopBar } from './components/top-bar.js';
import { useI18n } from './i18n/index.js';
import { Link, matchRoute, navigate, useLocation, type Route } from './lib/router.js';
import { DeclarePage } from './pages/declare-page.js';
import { IncidentListPage } from './pages/incident-list-page.js';
import { IncidentPage } from './pages/incident-page.js';
import { LoginPage } from './pages/login-page.js';
import { MyShiftsPage } from './pages/oncall/my-shifts-page.js';
import { SchedulePage } from './pages/oncall/schedule-page.js';
import { SchedulesPage } from './pages/oncall/schedules-page.js';
import { PageDetailPage } from './pages/paging/page-detail-page.js';
import { PageNewPage } from './pages/paging/page-new-page.js';
import { PagesPage } from './pages/paging/pages-page.js';
import { PoliciesPage } from './pages/paging/policies-page.js';
import { PolicyEditorPage } from './pages/paging/policy-editor-page.js';
import { PostmortemPage } from './pages/postmortem/postmortem-page.js';
import { RunbooksPage } from './pages/runbooks/runbooks-page.js';
import { SettingsPage } from './pages/settings-page.js';

/** The editor carries the YAML parser and the runbook checks: loaded when it is opened. */
const RunbookEditorPage = lazy(() => import('./pages/runbooks/runbook-editor-page.js').then((module) => ({ default: module.RunbookEditorPage })));
/** Alerts, integrations and the severity policy editor load when opened. */
const AlertsPage = lazy(() => import('./pages/alerts/alerts-page.js').then((module) => ({ default: module.AlertsPage })));
const AlertPage = lazy(() => import('./pages/alerts/alert-page.js').then((module) => ({ default: module.AlertPage })));
const IntegrationsPage = lazy(() => import('./pages/integrations/integrations-page.js').then((module) => ({ default: module.IntegrationsPage })));
const IntegrationNewPage = lazy(() => import('./pages/integrations/integration-new-page.js').then((module) => ({ default: module.IntegrationNewPage })));
const IntegrationPage = lazy(() => import('./pages/integrations/integration-page.js').then((module) => ({ default: module.IntegrationPage })));
const SeverityPolicyPage = lazy(() => import('./pages/severity/severity-policy-page.js').then((module) => ({ default: module.SeverityPolicyPage })));
const WeeklyReviewPage = lazy(() => import('./pages/reports/weekly-review-page.js').then((module) => ({ default: module.WeeklyReviewPage })));
const SlosPage = lazy(() => import('./pages/slos/slos-page.js').then((module) => ({ default: module.SlosPage })));
const SloPage = lazy(() => import('./pages/slos/slo-page.js').then((module) => ({ default: module.SloPage })));

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** Only same-app paths are followed after login, never another origin. */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : '/incidents';
}

export function App() {
  const { t } = useI18n();
  const client = useQueryClient();
  const session = useSession();
  const location = useLocation();
  const route = matchRoute(location.pathname);

  useEffect(() => {
    setUnauthorizedHandler(() => client.setQueryData(keys.session, null));
    return () => setUnauthorizedHandler(null);
  }, [client]);

  if (session.isPending) {
    return <div className="page-loading" aria-busy="true">{t('app.loading')}</div>;
  }
  if (session.isError) {
    return (
      <main className="auth-page">
        <ErrorMessage error={session.error} onRetry={() => void session.refetch()} />
      </main>
    );
  }

  const user = session.data?.user;
  if (!user) {
    if (route.name === 'login') return <LoginPage next={safeNext(location.search.get('next'))} />;
    const next = route.name === 'root' ? '' : `?next=${encodeURIComponent(location.href)}`;
    return <Redirect to={`/login${next}`} />;
  }
  if (route.name === 'login') return <Redirect to={safeNext(location.search.get('next'))} />;
  if (route.name === 'root') return <Redirect to="/incidents" />;

  return (
    <div className="shell">
      <TopBar user={user} />
      <main className="content">
        <Page route={route} user={user} />
      </main>
    </div>
  );
}

function Page({ route, user }: { route: Route; user: User }) {
  switch (route.name) {
    case 'incidents':
      return <IncidentListPage />;
    case 'declare':
      return <DeclarePage />;
    case 'incident':
      return <IncidentPage key={route.ref.toUpperCase()} reference={route.ref} user={user} />;
    case 'settings':
      return <SettingsPage />;
    case 'schedules':
      return <SchedulesPage />;
    case 'myShifts':
      return <MyShiftsPage user={user} />;
    case 'schedule':
      return <SchedulePage key={route.id} id={route.id} />;
    case 'policies':
      return <PoliciesPage user={user} />;
    case 'policy':
      return <PolicyEditorPage key={route.id ?? 'new'} id={route.id} user={user} />;
    case 'pages':
      return <PagesPage />;
    case 'pageNew':
      return <PageNewPage />;
    case 'page':
      return <PageDetailPage key={route.id} id={route.id} />;
    case 'runbooks':
      return <RunbooksPage user={user} />;
    case 'runbookEditor':
      return (
        <Suspense fallback={<PageLoading />}>
          <RunbookEditorPage key={route.id ?? 'new'} id={route.id} user={user} />
        </Suspense>
      );
    case 'postmortem':
      return <PostmortemPage key={route.ref.toUpperCase()} reference={route.ref} user={user} />;
    case 'alerts':
      return <Lazy><AlertsPage user={user} /></Lazy>;
    case 'alert':
      return <Lazy><AlertPage key={route.id} id={route.id} user={user} /></Lazy>;
    case 'integrations':
      return <Lazy><IntegrationsPage user={user} /></Lazy>;
    case 'integrationNew':
      return <Lazy><IntegrationNewPage /></Lazy>;
    case 'integration':
      return <Lazy><IntegrationPage key={route.id} id={route.id} user={user} /></Lazy>;
    case 'severityPolicy':
      return <Lazy><SeverityPolicyPage user={user} /></Lazy>;
    case 'weeklyReview':
      return <Lazy><WeeklyReviewPage /></Lazy>;
    case 'slos':
      return <Lazy><SlosPage user={user} /></Lazy>;
    case 'slo':
      return <Lazy><SloPage key={route.id} id={route.id} user={user} /></Lazy>;
    default:
      return <NotFound />;
  }
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

function PageLoading() {
  const { t } = useI18n();
  return <div className="page page-loading">{t('app.loading')}</div>;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="empty-state">
      <h1>{t('app.notFound')}</h1>
      <p>{t('app.notFoundBody')}</p>
      <Link to="/incidents" className="btn">
        {t('app.backToIncidents')}
      </Link>
    </div>
  );
}
