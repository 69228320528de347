import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A tiny history-API router: the location is an external store; links push state. */

const EVENT = 'hikeshi:navigate';

function subscribe(callback: () => void): () => void {
  window.addEventListener('popstate', callback);
  window.addEventListener(EVENT, callback);
  return () => {
    window.removeEventListener('popstate', callback);
    window.removeEventListener(EVENT, callback);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export interface Location {
  pathname: string;
  search: URLSearchParams;
  href: string;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams, href };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(EVENT));
  if (!options.replace) window.scrollTo(0, 0);
}

export type Route =
  | { name: 'login' }
  | { name: 'incidents' }
  | { name: 'declare' }
  | { name: 'incident'; ref: string }
  | { name: 'settings' }
  | { name: 'schedules' }
  | { name: 'myShifts' }
  | { name: 'schedule'; id: string }
  | { name: 'policies' }
  | { name: 'policy'; id: string | null }
  | { name: 'pages' }
  | { name: 'pageNew' }
  | { name: 'page'; id: string }
  | { name: 'runbooks' }
  | { name: 'runbookEditor'; id: string | null }
  | { name: 'postmortem'; ref: string }
  | { name: 'alerts' }
  | { name: 'alert'; id: string }
  | { name: 'integrations' }
  | { name: 'integrationNew' }
  | { name: 'integration'; id: string }
  | { name: 'severityPolicy' }
  | { name: 'weeklyReview' }
  | { name: 'slos' }
  | { name: 'slo'; id: string }
  | { name: 'root' }
  | { name: 'notFound' };

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'root' };
  if (path === '/login') return { name: 'login' };
  if (path === '/incidents') return { name: 'incidents' };
  if (path === '/incidents/new') return { name: 'declare' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/oncall') return { name: 'schedules' };
  if (path === '/oncall/my-shifts') return { name: 'myShifts' };
  if (path === '/escalation-policies') return { name: 'policies' };
  if (path === '/escalation-policies/new') return { name: 'policy', id: null };
  if (path === '/pages') return { name: 'pages' };
  if (path === '/pages/new') return { name: 'pageNew' };
  if (path === '/runbooks') return { name: 'runbooks' };
  if (path === '/runbooks/new') return { name: 'runbookEditor', id: null };
  if (path === '/alerts') return { name: 'alerts' };
  if (path === '/integrations') return { name: 'integrations' };
  if (path === '/integrations/new') return { name: 'integrationNew' };
  if (path === '/severity-policy') return { name: 'severityPolicy' };
  if (path === '/reports/weekly') return { name: 'weeklyReview' };
  if (path === '/slos') return { name: 'slos' };
  const [, slo] = /^\/slos\/([^/]+)$/.exec(path) ?? [];
  if (slo) return { name: 'slo', id: decodeURIComponent(slo) };
  const [, alertArea, alertRef] = /^\/(alerts|integrations)\/([^/]+)$/.exec(path) ?? [];
  if (alertArea && alertRef) return { name: alertArea === 'alerts' ? 'alert' : 'integration', id: decodeURIComponent(alertRef) };
  const [, runbook] = /^\/runbooks\/([^/]+)\/edit$/.exec(path) ?? [];
  if (runbook) return { name: 'runbookEditor', id: decodeURIComponent(runbook) };
  const [, incident] = /^\/incidents\/([^/]+)\/postmortem$/.exec(path) ?? [];
  if (incident) return { name: 'postmortem', ref: decodeURIComponent(incident) };
  const [, section, ref] = /^(\/incidents|\/oncall\/schedules|\/escalation-policies|\/pages)\/([^/]+)$/.exec(path) ?? [];
  if (!section || !ref) return { name: 'notFound' };
  const id = decodeURIComponent(ref);
  if (section === '/incidents') return { name: 'incident', ref: id };
  if (section === '/oncall/schedules') return { name: 'schedule', id };
  if (section === '/escalation-policies') return { name: 'policy', id };
  return { name: 'page', id };
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An <a> that navigates in-app on a plain left click and behaves natively otherwise. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (rest.target && rest.target !== '_self') return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
