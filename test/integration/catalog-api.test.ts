import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines } from '../helpers/databases.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

describe.each(engines)('users, teams and services on %s', (engine) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(engine);
  });
  afterEach(async () => app.close());

  it('adds a user with time zone and Slack id, and refuses a second user with the same email in another case', async () => {
    const created = await app.api('POST', '/api/v1/users', {
      name: '佐藤 愛子',
      email: 'Aiko@Example.com',
      role: 'responder',
      timeZone: 'Asia/Tokyo',
      slackUserId: 'U024BE7LH',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: '佐藤 愛子', email: 'aiko@example.com', timeZone: 'Asia/Tokyo', slackUserId: 'U024BE7LH' });
    const duplicate = await app.api('POST', '/api/v1/users', { name: 'Other', email: 'AIKO@example.com' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('user.email_taken');
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['a malformed Slack id', { slackUserId: 'alice' }, 'slackUserId'],
    ['a bad email', { email: 'not-an-email' }, 'email'],
    ['a short password', { password: 'short' }, 'password'],
  ])('names the field for %s', async (_name, patch, field) => {
    const answer = await app.api('POST', '/api/v1/users', { name: 'X', email: 'x@example.com', ...patch });
    expect([400, 422]).toContain(answer.statusCode);
    expect(answer.json().field).toBe(field);
  });

  it('lets people edit their own profile but not their role', async () => {
    const user = (await app.api('POST', '/api/v1/users', { name: 'Ken', email: 'ken@example.com', password: 'a long enough password' })).json();
    const login = await app.server.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'ken@example.com', password: 'a long enough password' } });
    const headers = { cookie: String(login.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': login.json().csrfToken };
    const own = await app.server.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers, payload: { timeZone: 'Europe/London' } });
    expect(own.json().timeZone).toBe('Europe/London');
    const promote = await app.server.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers, payload: { role: 'admin' } });
    expect(promote.statusCode).toBe(403);
  });

  it('creates teams with members and services owned by a team, and pages users by name', async () => {
    const ids: string[] = [];
    for (const name of ['Chika', 'Aiko', 'Bunta']) {
      ids.push((await app.api('POST', '/api/v1/users', { name, email: `${name}@example.com` })).json().id);
    }
    const team = (await app.api('POST', '/api/v1/teams', { name: 'SRE', memberIds: ids })).json();
    expect(team.memberIds.sort()).toEqual([...ids].sort());
    const refused = await app.api('POST', '/api/v1/teams', { name: 'Payments', memberIds: ['nobody'] });
    expect(refused.json()).toMatchObject({ field: 'memberIds[0]' });
    expect((await app.api('POST', '/api/v1/teams', { name: 'SRE' })).statusCode).toBe(409);

    const service = (await app.api('POST', '/api/v1/services', { name: 'payments-api', teamId: team.id, tier: 1 })).json();
    expect(service).toMatchObject({ teamId: team.id, tier: 1 });
    expect((await app.api('POST', '/api/v1/services', { name: 'x', tier: 9 })).statusCode).toBe(400);
    expect((await app.api('POST', '/api/v1/services', { name: 'x', teamId: 'nope' })).json().field).toBe('teamId');
    expect((await app.api('PATCH', `/api/v1/services/${service.id}`, { tier: 2 })).json().tier).toBe(2);

    const first = (await app.api('GET', '/api/v1/users?limit=2')).json();
    expect(first.items.map((u: { name: string }) => u.name)).toEqual(['Aiko', 'Bunta']);
    const second = (await app.api('GET', `/api/v1/users?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ items: [expect.objectContaining({ name: 'Chika' })], nextCursor: null });
  });
});
