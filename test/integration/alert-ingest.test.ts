import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretBox } from '../../src/security/secret-box.js';
import { decodeJson } from '../../src/store/json.js';
import { engines } from '../helpers/databases.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const fixture = (kind: string, name: string) => readFileSync(new URL(`../fixtures/alert-sources/${kind}/${name}.json`, import.meta.url), 'utf8');

describe.each(engines)('alert ingest (%s)', (engine) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(engine);
    app.deps.secretBox = new SecretBox('an-alert-ingest-test-key-of-32-chars!!');
  });
  afterEach(() => app.close());

  async function integration(kind: string, extra: Record<string, unknown> = {}) {
    const res = await app.api('POST', '/api/v1/integrations', { name: `${kind} ${Math.random()}`, kind, ...extra });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; token: string; tokenHint: string };
  }

  const send = (url: string, body: string | object, headers: Record<string, string> = {}) =>
    app.server.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload: typeof body === 'string' ? body : JSON.stringify(body) });

  const alerts = () => app.deps.db.selectFrom('alerts').selectAll().orderBy('number').execute();
  const events = () => app.deps.db.selectFrom('alert_events').selectAll().orderBy('id').execute();
  const routeJobs = async () =>
    (await app.deps.db.selectFrom('jobs').select('payload').where('kind', '=', 'alerts.routeAlerts').orderBy('id').execute()).map(
      (job) => decodeJson<{ alertIds: string[] }>(job.payload).alertIds,
    );

  it('an Alertmanager notification delivered three times opens one alert, counts the repeats and routes it once', async () => {
    const am = await integration('alertmanager');
    const auth = { authorization: `Bearer ${am.token}` };
    for (let i = 0; i < 3; i += 1) {
      const res = await send(`/api/v1/integrations/${am.id}/alerts`, fixture('alertmanager', 'firing'), auth);
      expect(res.statusCode).toBe(202);
      expect(res.json()).toMatchObject({ accepted: 1, alerts: [{ dedupKey: '1a30ba71cca2921f', status: 'firing' }] });
    }
    const [alert, ...rest] = await alerts();
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ number: 1, status: 'firing', occurrences: 3, severity: 'critical', open_key: `${am.id}:1a30ba71cca2921f`, source: 'alertmanager' });
    expect((await events()).map((e) => [e.kind, Number(e.count)])).toEqual([['triggered', 1], ['repeated', 1], ['repeated', 1]]);
    expect(await routeJobs()).toEqual([[alert!.id]]);

    const resolved = JSON.parse(fixture('alertmanager', 'firing'));
    resolved.alerts[0].status = 'resolved';
    resolved.alerts[0].endsAt = '2026-11-20T09:10:00Z';
    expect((await send(`/hooks/${am.token}`, resolved)).statusCode).toBe(202);
    expect(await alerts()).toMatchObject([{ status: 'resolved', open_key: null, resolved_at: '2026-11-20T09:00:00.000Z' }]);
    expect(await routeJobs()).toEqual([[alert!.id], [alert!.id]]);

    // Fired again after resolving: a new alert, not the old one reopened.
    await send(`/hooks/${am.token}`, fixture('alertmanager', 'firing'));
    expect((await alerts()).map((a) => [a.number, a.status])).toEqual([[1, 'resolved'], [2, 'firing']]);
  });

  it('a group with a resolved and a firing member resolves nothing it never saw and opens the firing one', async () => {
    const am = await integration('alertmanager');
    const res = await send(`/hooks/${am.token}`, fixture('alertmanager', 'partly-resolved'));
    expect(res.json().alerts.map((a: { status: string }) => a.status)).toEqual(['ignored', 'firing']);
    expect((await alerts()).map((a) => [a.dedup_key, a.severity])).toEqual([['9e2f41b7aa03c5d8', 'critical']]);
  });

  it('PagerDuty-shaped trigger, acknowledge and resolve work unchanged, with PagerDuty’s answers', async () => {
    const pd = await integration('pagerduty');
    const url = '/integrations/pagerduty/v2/enqueue';
    const withKey = (name: string) => ({ ...JSON.parse(fixture('pagerduty', name)), routing_key: pd.token });

    const trigger = await send(url, withKey('trigger'));
    expect([trigger.statusCode, trigger.json()]).toEqual([202, { status: 'success', message: 'Event processed', dedup_key: 'srv01/mysql' }]);
    expect((await send(url, withKey('acknowledge'))).statusCode).toBe(202);
    expect(await alerts()).toMatchObject([{ status: 'acknowledged', acknowledged_at: '2026-11-20T09:00:00.000Z' }]);
    expect((await send(url, withKey('resolve'))).json()).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'srv01/mysql' });
    expect(await alerts()).toMatchObject([{ status: 'resolved', open_key: null }]);

    // Acknowledge/resolve with nothing open are dropped, yet answered 202 like PagerDuty does.
    expect((await send(url, { ...withKey('resolve'), dedup_key: 'never-opened' })).statusCode).toBe(202);
    expect(await alerts()).toHaveLength(1);

    const generated = await send(url, withKey('trigger-without-dedup-key'));
    expect(generated.json().dedup_key).toMatch(/^[0-9a-f-]{36}$/);
    expect((await alerts())[1]).toMatchObject({ dedup_key: generated.json().dedup_key, severity: 'info' });
    expect(JSON.stringify(await alerts())).not.toContain(pd.token);

    const invalid = await send(url, { ...withKey('trigger'), payload: { summary: 's', source: 'h', severity: 'major' } });
    expect([invalid.statusCode, invalid.json()]).toEqual([
      400,
      { status: 'invalid event', message: 'Bad request', errors: ['payload.severity: must be one of critical, error, warning, info'] },
    ]);
    expect((await send(url, { ...withKey('trigger'), routing_key: 'R0000000000000000000000000000000' })).statusCode).toBe(401);

    const change = await send('/integrations/pagerduty/v2/change/enqueue', {
      routing_key: pd.token,
      payload: { summary: 'Deployed checkout v42', source: 'ci', timestamp: '2026-11-20T08:30:00Z', custom_details: { sha: 'abc123' } },
    });
    expect([change.statusCode, change.json()]).toEqual([202, { status: 'success', message: 'Change event processed' }]);
    expect(await app.deps.db.selectFrom('integration_changes').select(['summary', 'happened_at', 'integration_id']).execute()).toEqual([
      { summary: 'Deployed checkout v42', happened_at: '2026-11-20T08:30:00.000Z', integration_id: pd.id },
    ]);
    expect(await alerts()).toHaveLength(2);
  });

  it('Waroom events: bearer, aggregation key, close resolves', async () => {
    const waroom = await integration('waroom');
    const auth = { authorization: `Bearer ${waroom.token}` };
    expect((await send('/integrations/waroom/v1/events', fixture('waroom', 'detected'), auth)).statusCode).toBe(202);
    expect((await send('/integrations/waroom/v1/events', fixture('waroom', 'close'), auth)).statusCode).toBe(202);
    expect(await alerts()).toMatchObject([{ dedup_key: 'test_aggregation_key_1', status: 'resolved', severity: 'info' }]);
  });

  it('Grafana with a signing secret: the right HMAC (with timestamp) is accepted, anything else is 401', async () => {
    const grafana = await integration('grafana', { hmacSecret: 'grafana-shared-secret-123', hmacTimestampHeader: 'X-Grafana-Alerting-Signature-Timestamp' });
    const body = fixture('grafana', 'firing');
    const now = Math.floor(app.clock.now().getTime() / 1000);
    const sign = (ts: number, text = body) => createHmac('sha256', 'grafana-shared-secret-123').update(`${ts}:${text}`).digest('hex');
    const headers = (ts: number, signature: string) => ({ 'x-grafana-alerting-signature': signature, 'x-grafana-alerting-signature-timestamp': String(ts) });

    expect((await send(`/hooks/${grafana.token}`, body, headers(now, sign(now)))).statusCode).toBe(202);
    for (const bad of <Record<string, string>[]>[
      headers(now, sign(now, body.replace('us-1', 'us-2'))), // signed another body
      headers(now - 301, sign(now - 301)), // a replay older than five minutes
      { 'x-grafana-alerting-signature': sign(now) }, // the timestamp header missing
      {},
    ]) {
      const res = await send(`/hooks/${grafana.token}`, body, bad);
      expect([res.statusCode, res.json().code]).toEqual([401, 'alerts.invalid_credentials']);
    }
    expect(await alerts()).toHaveLength(1);
    const shown = (await app.api('GET', `/api/v1/integrations/${grafana.id}`)).json();
    expect(shown).toMatchObject({ hasSigningSecret: true, hmacTimestampHeader: 'X-Grafana-Alerting-Signature-Timestamp' });
    expect(JSON.stringify(shown)).not.toContain('grafana-shared-secret-123');
  });

  it('answers the same 401 for an unknown integration, a wrong token, no token and a rotated token', async () => {
    const generic = await integration('generic');
    const body = { title: 'x' };
    const answers = [
      await send(`/api/v1/integrations/${generic.id}/alerts`, body, { authorization: 'Bearer hki_wrong' }),
      await send('/api/v1/integrations/00000000-0000-7000-8000-000000000000/alerts', body, { authorization: `Bearer ${generic.token}` }),
      await send(`/api/v1/integrations/${generic.id}/alerts`, body),
      await send('/hooks/hki_unknown', body),
    ];
    const rotated = (await app.api('POST', `/api/v1/integrations/${generic.id}/rotate-token`)).json();
    expect(rotated.token).not.toBe(generic.token);
    answers.push(await send(`/hooks/${generic.token}`, body));
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toEqual(answers[0]!.json());
    }
    expect((await send(`/hooks/${rotated.token}`, body)).statusCode).toBe(202);
  });

  it('a malformed payload is 400 naming the field, and nothing of the request is stored', async () => {
    const generic = await integration('generic');
    const res = await send(`/hooks/${generic.token}`, { alerts: [{ title: 'fine' }, { title: 'bad', status: 'open' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'alerts.invalid_payload', field: 'alerts[1].status', detail: 'alerts[1].status: must be one of firing, acknowledged, resolved' });
    const broken = await send(`/hooks/${generic.token}`, '{"title": ');
    expect([broken.statusCode, broken.json().field]).toEqual([400, 'body']);
    expect(await alerts()).toEqual([]);
  });

  it('refuses a body over 1 MiB with 413 (PagerDuty: over 512 KB)', async () => {
    const generic = await integration('generic');
    const big = await send(`/hooks/${generic.token}`, { title: 'big', summary: 'x'.repeat(1024 * 1024) });
    expect([big.statusCode, big.json().code]).toEqual([413, 'request.too_large']);
    const pd = await integration('pagerduty');
    const pdBig = await send('/integrations/pagerduty/v2/enqueue', { ...JSON.parse(fixture('pagerduty', 'trigger')), routing_key: pd.token, padding: 'x'.repeat(520 * 1024) });
    expect([pdBig.statusCode, pdBig.json().status]).toEqual([413, 'invalid event']);
    expect(await alerts()).toEqual([]);
  });

  it('answers 429 with Retry-After past the integration’s rate limit, and accepts again once it refilled', async () => {
    const generic = await integration('generic', { rateLimitPerMinute: 2 });
    expect((await send(`/hooks/${generic.token}`, { alerts: [{ title: 'a' }, { title: 'b' }] })).statusCode).toBe(202);
    const limited = await send(`/hooks/${generic.token}`, { title: 'c' });
    expect([limited.statusCode, limited.headers['retry-after'], limited.json().code]).toEqual([429, '30', 'alerts.rate_limited']);
    app.clock.advance(30_000);
    expect((await send(`/hooks/${generic.token}`, { title: 'c' })).statusCode).toBe(202);
    expect(await alerts()).toHaveLength(3);
  });

  it('concurrent requests for one key land in one alert with one triggered event and every repeat counted', async () => {
    const generic = await integration('generic');
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => send(`/hooks/${generic.token}`, { title: 'flapping', dedupKey: 'k', summary: `n${i}` })),
    );
    expect(answers.every((res) => res.statusCode === 202)).toBe(true);
    const [alert] = await alerts();
    expect(alert).toMatchObject({ occurrences: 40 });
    const kinds = await events();
    expect(kinds[0]!.kind).toBe('triggered');
    expect(kinds.slice(1).reduce((sum, e) => sum + Number(e.count), 0)).toBe(39);
    // Concurrent requests have no order among themselves; the last payload is one of them.
    expect(decodeJson<{ summary: string }>(alert!.last_payload).summary).toMatch(/^n\d+$/);
  });

  it('integration admin: create shows the token once, list and show only its hint, PATCH validates routes, DELETE keeps alerts', async () => {
    const created = await integration('datadog', { routes: [{ service: 'api', action: 'page', when: { field: 'alert.severity', op: 'sev_gte', value: 'error' } }] });
    const listed = (await app.api('GET', '/api/v1/integrations')).json().items;
    expect(listed).toMatchObject([{ id: created.id, tokenHint: created.token.slice(-4), kind: 'datadog', urls: { alerts: `/api/v1/integrations/${created.id}/alerts` } }]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const row = await app.deps.db.selectFrom('integrations').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(created.token);

    const badRoute = await app.api('PATCH', `/api/v1/integrations/${created.id}`, { routes: [{ service: 'api', action: 'explode' }] });
    expect([badRoute.statusCode, badRoute.json().field]).toEqual([422, 'routes[0].action']);
    const config = (await app.api('GET', `/api/v1/integrations/${created.id}/config`)).json();
    expect(config.payloadTemplate).toMatchObject({ alert_cycle_key: '$ALERT_CYCLE_KEY', transition: '$ALERT_TRANSITION' });

    const responder = await app.tokenFor('responder');
    expect((await app.api('POST', '/api/v1/integrations', { name: 'x', kind: 'generic' }, responder)).statusCode).toBe(403);

    await send(`/hooks/${created.token}`, JSON.parse(fixture('datadog', 'triggered')));
    expect((await app.api('DELETE', `/api/v1/integrations/${created.id}`)).statusCode).toBe(204);
    expect((await send(`/hooks/${created.token}`, JSON.parse(fixture('datadog', 'triggered')))).statusCode).toBe(401);
    expect(await alerts()).toMatchObject([{ integration_id: null, source: 'datadog' }]);
  });
});
