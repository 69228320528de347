import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../helpers/databases.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

describe.each(engines)('operations endpoints on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(async () => app.close());

  it('answers /healthz and /readyz without credentials', async () => {
    expect((await app.server.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.server.inject({ url: '/readyz' })).json()).toEqual({ status: 'ok' });
  });

  it('exposes Prometheus metrics labelled by route template, not by id', async () => {
    await app.api('POST', '/api/v1/incidents', { title: 'x' });
    await app.api('GET', '/api/v1/incidents/INC-1');
    const text = (await app.server.inject({ url: '/metrics' })).body;
    expect(text).toContain('hikeshi_process_resident_memory_bytes');
    expect(text).toMatch(/hikeshi_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/incidents\/:id",status_code="200"\} 1/);
    expect(text).not.toContain('INC-1');
  });

  it('serves an OpenAPI 3 document with schemas for requests, answers and errors', async () => {
    const doc = (await app.server.inject({ url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const declare = doc.paths['/api/v1/incidents'].post;
    expect(declare.requestBody.content['application/json'].schema.required).toContain('title');
    expect(Object.keys(declare.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '422']));
  });

  it('answers an unknown API route without credentials with 401, revealing no routes', async () => {
    const answer = await app.server.inject({ url: '/api/v1/nope' });
    expect(answer.statusCode).toBe(401);
    expect(answer.headers['content-type']).toContain('application/problem+json');
  });
});
