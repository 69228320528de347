import { describe, expect, it } from 'vitest';
import { matchRoute } from './router.js';

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'root' }],
    ['/login', { name: 'login' }],
    ['/incidents', { name: 'incidents' }],
    ['/incidents/', { name: 'incidents' }],
    ['/incidents/new', { name: 'declare' }],
    ['/incidents/INC-12', { name: 'incident', ref: 'INC-12' }],
    ['/incidents/INC-12/extra', { name: 'notFound' }],
    ['/settings', { name: 'settings' }],
    ['/settings/slack', { name: 'notFound' }],
    ['/oncall', { name: 'schedules' }],
    ['/oncall/my-shifts', { name: 'myShifts' }],
    ['/oncall/schedules/Primary%20EU', { name: 'schedule', id: 'Primary EU' }],
    ['/oncall/schedules', { name: 'notFound' }],
    ['/escalation-policies', { name: 'policies' }],
    ['/escalation-policies/new', { name: 'policy', id: null }],
    ['/escalation-policies/pol_1', { name: 'policy', id: 'pol_1' }],
    ['/pages', { name: 'pages' }],
    ['/pages/new', { name: 'pageNew' }],
    ['/pages/12', { name: 'page', id: '12' }],
    ['/pages/12/events', { name: 'notFound' }],
    ['/runbooks', { name: 'runbooks' }],
    ['/runbooks/new', { name: 'runbookEditor', id: null }],
    ['/runbooks/first-response/edit', { name: 'runbookEditor', id: 'first-response' }],
    ['/runbooks/first-response', { name: 'notFound' }],
    ['/incidents/INC-12/postmortem', { name: 'postmortem', ref: 'INC-12' }],
    ['/incidents/INC-12/postmortem/extra', { name: 'notFound' }],
    ['/alerts', { name: 'alerts' }],
    ['/alerts/alr_1', { name: 'alert', id: 'alr_1' }],
    ['/alerts/alr_1/events', { name: 'notFound' }],
    ['/integrations', { name: 'integrations' }],
    ['/integrations/new', { name: 'integrationNew' }],
    ['/integrations/int%2F1', { name: 'integration', id: 'int/1' }],
    ['/severity-policy', { name: 'severityPolicy' }],
  ])('%s', (path, want) => {
    expect(matchRoute(path)).toEqual(want);
  });
});
