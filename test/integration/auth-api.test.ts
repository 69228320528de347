import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { engines } from '../helpers/databases.js';
import { ADMIN_TOKEN, addUser, startTestApp, type TestApp } from '../helpers/app.js';

const PASSWORD = 'correct horse battery staple';

describe.each(engines)('authentication and roles on %s', (engine) => {
  let app: TestApp;
  afterEach(async () => app.close());

  async function logIn(email: string, password = PASSWORD) {
    return app.server.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  }

  it('answers 401 without credentials and with an unknown or revoked token', async () => {
    app = await startTestApp(engine);
    expect((await app.server.inject({ method: 'GET', url: '/api/v1/incidents' })).statusCode).toBe(401);
    expect((await app.api('GET', '/api/v1/incidents', undefined, 'hks_not-a-real-token')).statusCode).toBe(401);
    const created = (await app.api('POST', '/api/v1/tokens', { name: 'ci', role: 'responder' })).json();
    expect((await app.api('GET', '/api/v1/incidents', undefined, created.token)).statusCode).toBe(200);
    expect((await app.api('DELETE', `/api/v1/tokens/${created.record.id}`)).statusCode).toBe(204);
    expect((await app.api('GET', '/api/v1/incidents', undefined, created.token)).statusCode).toBe(401);
  });

  it('stores API tokens only as hashes', async () => {
    app = await startTestApp(engine);
    const { token } = (await app.api('POST', '/api/v1/tokens', { name: 'ci', role: 'viewer' })).json();
    const rows = await app.database.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('lets a viewer read but not change an incident, and a responder change but not administer', async () => {
    app = await startTestApp(engine);
    const viewer = await app.tokenFor('viewer');
    const responder = await app.tokenFor('responder');
    await app.api('POST', '/api/v1/incidents', { title: 'x' });

    expect((await app.api('GET', '/api/v1/incidents/INC-1', undefined, viewer)).statusCode).toBe(200);
    const refused = await app.api('PATCH', '/api/v1/incidents/INC-1', { status: 'investigating' }, viewer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'auth.forbidden' });
    expect((await app.api('POST', '/api/v1/incidents', { title: 'y' }, viewer)).statusCode).toBe(403);
    expect((await app.api('POST', '/api/v1/incidents/INC-1/timeline', { kind: 'note', body: 'n' }, viewer)).statusCode).toBe(403);

    expect((await app.api('PATCH', '/api/v1/incidents/INC-1', { status: 'investigating' }, responder)).statusCode).toBe(200);
    for (const [url, body] of [
      ['/api/v1/users', { name: 'Eve', email: 'eve@example.com' }],
      ['/api/v1/teams', { name: 'SRE' }],
      ['/api/v1/services', { name: 'api' }],
      ['/api/v1/tokens', { name: 'mine', role: 'admin' }],
    ] as const) {
      expect((await app.api('POST', url, body, responder)).statusCode, url).toBe(403);
    }
    const timeline = (await app.api('GET', '/api/v1/incidents/INC-1/timeline')).json().items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual(['incident.declared', 'status.changed']);
  });

  it('signs in with a password into an HttpOnly session whose writes need the CSRF token', async () => {
    app = await startTestApp(engine);
    await addUser(app.deps, 'Kenji', 'responder', PASSWORD);
    const login = await logIn('KENJI@example.com');
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/hikeshi_session=[^;]+;.*HttpOnly/);
    expect(setCookie).toContain('SameSite=Lax');
    const cookie = setCookie.split(';')[0]!;
    const { csrfToken, user } = login.json();
    expect(user).toMatchObject({ name: 'Kenji', role: 'responder' });
    expect(user).not.toHaveProperty('passwordHash');

    const me = await app.server.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    expect(me.json()).toMatchObject({ user: { name: 'Kenji' }, csrfToken });

    const forged = await app.server.inject({ method: 'POST', url: '/api/v1/incidents', headers: { cookie }, payload: { title: 'x' } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('auth.csrf');
    const declared = await app.server.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { cookie, 'x-csrf-token': csrfToken },
      payload: { title: 'x' },
    });
    expect(declared.statusCode).toBe(201);
    expect(declared.json().declaredBy).toMatchObject({ name: 'Kenji' });

    const out = await app.server.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(out.statusCode).toBe(204);
    expect((await app.server.inject({ method: 'GET', url: '/api/v1/incidents', headers: { cookie } })).statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    app = await startTestApp(engine);
    await addUser(app.deps, 'Kenji', 'responder', PASSWORD);
    const wrong = await logIn('kenji@example.com', 'not the password');
    const unknown = await logIn('nobody@example.com');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('never writes passwords, tokens or session cookies to the log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = await startTestApp(engine, { logger: createLogger('trace', sink) });
    await addUser(app.deps, 'Kenji', 'responder', PASSWORD);
    const login = await logIn('kenji@example.com');
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const { token } = (await app.api('POST', '/api/v1/tokens', { name: 'ci', role: 'viewer' })).json();
    await app.api('GET', '/api/v1/incidents', undefined, token);
    await app.server.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });
    await logIn('kenji@example.com', 'a wrong password');

    const log = lines.join('');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [PASSWORD, 'a wrong password', token, ADMIN_TOKEN, cookie.split('=')[1]!, login.json().csrfToken]) {
      expect(log).not.toContain(secret);
    }
  });
});
