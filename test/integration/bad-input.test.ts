import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../helpers/databases.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

type Operation = { requestBody?: unknown };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

const UNKNOWN_ID = '01a22044-0000-7000-8000-000000000000';

describe.each(engines)('bad input on every route, %s', (engine) => {
  let app: TestApp;
  let operations: { method: string; path: string; hasBody: boolean }[];

  beforeAll(async () => {
    app = await startTestApp(engine);
    const doc = (await app.server.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApi;
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, hasBody: op.requestBody !== undefined })),
    );
  });
  afterAll(async () => app.close());

  const problemOf = (answer: { statusCode: number; headers: Record<string, unknown>; json(): any }) => {
    expect(answer.headers['content-type']).toContain('application/problem+json');
    const body = answer.json();
    expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: answer.statusCode, detail: expect.any(String) });
    return body;
  };

  it('the OpenAPI document lists the contract routes', () => {
    const names = operations.map((o) => `${o.method} ${o.path}`);
    for (const route of [
      'POST /api/v1/incidents',
      'GET /api/v1/incidents',
      'GET /api/v1/incidents/{id}',
      'PATCH /api/v1/incidents/{id}',
      'GET /api/v1/incidents/{id}/timeline',
      'POST /api/v1/incidents/{id}/timeline',
      'GET /api/v1/users',
      'GET /api/v1/teams',
      'GET /api/v1/services',
      'GET /healthz',
      'GET /readyz',
    ]) {
      expect(names).toContain(route);
    }
  });

  it('answers a garbage JSON body on every route that takes one with 400 problem+json', async () => {
    const withBody = operations.filter((o) => o.hasBody);
    expect(withBody.length).toBeGreaterThan(8);
    for (const op of withBody) {
      const answer = await app.server.inject({
        method: op.method as 'POST',
        url: op.path.replace('{id}', UNKNOWN_ID),
        headers: { authorization: `Bearer test-admin-token-0123456789abcdef`, 'content-type': 'application/json' },
        payload: '{"title": ',
      });
      expect(answer.statusCode, `${op.method} ${op.path}`).toBe(400);
      expect(problemOf(answer).code).toBe('request.invalid_json');
    }
  });

  it('answers a body of the wrong shape on every route that takes one with 400 naming a field', async () => {
    for (const op of operations.filter((o) => o.hasBody)) {
      const answer = await app.api(op.method, op.path.replace('{id}', UNKNOWN_ID), [1, 2, 3]);
      expect(answer.statusCode, `${op.method} ${op.path}`).toBe(400);
      expect(problemOf(answer).code).toBe('validation.invalid_field');
    }
  });

  it('answers an unknown id on every route that takes one with 404 (or 400 when the body is checked first)', async () => {
    for (const op of operations.filter((o) => o.path.includes('{id}'))) {
      const answer = await app.api(op.method, op.path.replace('{id}', UNKNOWN_ID), op.hasBody ? {} : undefined);
      const expected = op.hasBody ? [400, 404] : [404];
      expect(expected, `${op.method} ${op.path} gave ${answer.statusCode}`).toContain(answer.statusCode);
      problemOf(answer);
    }
  });

  it.each([
    ['a number for the title', { title: 5 }, 'title'],
    ['a string for services', { title: 'x', services: 'payments' }, 'services'],
    ['a misspelt field', { title: 'x', severty: 'SEV1' }, 'severty'],
    ['a missing title', { severity: 'SEV1' }, 'title'],
    ['a date that is not a date', { title: 'x', impactStartedAt: 'yesterday' }, 'impactStartedAt'],
  ])('names the field for %s', async (_name, body, field) => {
    const answer = await app.api('POST', '/api/v1/incidents', body);
    expect(answer.statusCode).toBe(400);
    expect(problemOf(answer).field).toBe(field);
  });

  it('names an unknown service with its position', async () => {
    const answer = await app.api('POST', '/api/v1/incidents', { title: 'x', services: ['nope'] });
    expect(answer.statusCode).toBe(422);
    expect(problemOf(answer)).toMatchObject({ field: 'services[0]', detail: 'services[0]: unknown service "nope"' });
  });

  it('refuses an empty change and a bad query', async () => {
    await app.api('POST', '/api/v1/incidents', { title: 'x' });
    expect((await app.api('PATCH', '/api/v1/incidents/INC-1', {})).statusCode).toBe(400);
    expect(problemOf(await app.api('GET', '/api/v1/incidents?limit=0')).field).toBe('limit');
    expect(problemOf(await app.api('GET', '/api/v1/incidents?cursor=garbage')).field).toBe('cursor');
    expect(problemOf(await app.api('GET', '/api/v1/incidents?status=triage,nonsense')).field).toBe('status[1]');
    expect(problemOf(await app.api('GET', '/api/v1/incidents?severity=SEV9')).field).toBe('severity[0]');
  });

  it('refuses a body over the size limit with 413', async () => {
    const answer = await app.api('POST', '/api/v1/incidents', { title: 'x', summary: 'y'.repeat(300 * 1024) });
    expect(answer.statusCode).toBe(413);
    expect(problemOf(answer).code).toBe('request.too_large');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const answer = await app.server.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { authorization: 'Bearer test-admin-token-0123456789abcdef', 'content-type': 'text/plain' },
      payload: 'title=x',
    });
    expect(answer.statusCode).toBe(415);
    problemOf(answer);
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const answer = await app.api('GET', '/api/v1/nothing-here');
    expect(answer.statusCode).toBe(404);
    problemOf(answer);
  });
});
