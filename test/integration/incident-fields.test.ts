import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { engines } from '../helpers/databases.js';
import { addUser, startTestApp, type TestApp } from '../helpers/app.js';

const kinds = async (app: TestApp, incident = 'INC-1') =>
  (await app.api('GET', `/api/v1/incidents/${incident}/timeline`)).json().items.map((e: { kind: string }) => e.kind);

describe.each(engines)('incident facts (custom fields) on %s', (engine) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(engine, {
      settings: {
        ...DEFAULT_SETTINGS,
        fields: [
          ...DEFAULT_SETTINGS.fields,
          { key: 'region', type: 'choice', label: { en: 'Region', ja: '地域' }, choices: [{ value: 'tokyo', label: { en: 'Tokyo', ja: '東京' } }] },
          { key: 'privacy_officer', type: 'user', label: { en: 'Privacy officer', ja: '個人情報保護責任者' } },
        ],
      },
    });
    await app.api('POST', '/api/v1/incidents', { title: 'Vehicles cannot be unlocked' });
  });
  afterEach(async () => app.close());

  it('sets facts with PATCH, shows them on the incident and writes field.changed once per change', async () => {
    app.clock.advance(60_000);
    const patched = await app.api('PATCH', '/api/v1/incidents/INC-1', { fields: { cs_inquiries: 120, personal_data_exposed: false, region: 'tokyo' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().fields).toEqual({ cs_inquiries: 120, personal_data_exposed: false, region: 'tokyo' });
    expect(patched.json().updatedAt).toBe('2026-11-20T09:01:00.000Z');
    expect((await app.api('GET', '/api/v1/incidents/INC-1')).json().fields).toEqual({ cs_inquiries: 120, personal_data_exposed: false, region: 'tokyo' });

    const again = await app.api('PATCH', '/api/v1/incidents/INC-1', { fields: { cs_inquiries: 120, affected_users: 1200 } });
    expect(again.json().fields).toMatchObject({ cs_inquiries: 120, affected_users: 1200 });
    const timeline = (await app.api('GET', '/api/v1/incidents/INC-1/timeline')).json().items;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'field.changed').map((e: { payload: unknown }) => e.payload)).toEqual([
      { field: 'cs_inquiries', from: null, to: 120 },
      { field: 'personal_data_exposed', from: null, to: false },
      { field: 'region', from: null, to: 'tokyo' },
      { field: 'affected_users', from: null, to: 1200 },
    ]);

    const cleared = await app.api('PATCH', '/api/v1/incidents/INC-1', { fields: { region: null } });
    expect(cleared.json().fields).toEqual({ cs_inquiries: 120, personal_data_exposed: false, affected_users: 1200 });
  });

  it.each([
    ['a negative count', { cs_inquiries: -1 }, 'fields.cs_inquiries', /at least 0/],
    ['a number sent as text', { affected_users: '1200' }, 'fields.affected_users', /must be a number/],
    ['yes as a word', { personal_data_exposed: 'yes' }, 'fields.personal_data_exposed', /true or false/],
    ['a choice not offered', { region: 'osaka' }, 'fields.region', /one of tokyo/],
    ['a field no one declared', { weather: 'rain' }, 'fields.weather', /not a declared field/],
    ['a person Hikeshi does not know', { privacy_officer: 'nobody@example.com' }, 'fields.privacy_officer', /no Hikeshi user/],
  ])('refuses %s with 422 naming the field, and changes nothing', async (_name, fields, field, detail) => {
    const answer = await app.api('PATCH', '/api/v1/incidents/INC-1', { fields: { cs_inquiries: 5, ...fields } });
    expect(answer.statusCode).toBe(422);
    expect(answer.json()).toMatchObject({ code: 'validation.invalid_field', field });
    expect(answer.json().detail).toMatch(detail);
    expect((await app.api('GET', '/api/v1/incidents/INC-1')).json().fields).toEqual({});
    expect(await kinds(app)).toEqual(['incident.declared']);
  });

  it('refuses a list or an object as a value from the schema (400), naming it', async () => {
    const answer = await app.api('PATCH', '/api/v1/incidents/INC-1', { fields: { cs_inquiries: [1] } });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().field).toMatch(/^fields/);
  });

  it('finds the person a user field names by e-mail and stores their id', async () => {
    const officer = await addUser(app.deps, 'Hana');
    const answer = await app.api('PATCH', '/api/v1/incidents/INC-1', { fields: { privacy_officer: 'hana@example.com' } });
    expect(answer.json().fields).toEqual({ privacy_officer: officer.id });
  });

  it('takes facts already known at declaration', async () => {
    const created = await app.api('POST', '/api/v1/incidents', { title: 'Leak', fields: { personal_data_exposed: true, affected_users: 30 } });
    expect(created.statusCode).toBe(201);
    expect(created.json().fields).toEqual({ personal_data_exposed: true, affected_users: 30 });
    expect(await kinds(app, 'INC-2')).toEqual(['incident.declared', 'field.changed', 'field.changed']);
    const refused = await app.api('POST', '/api/v1/incidents', { title: 'Bad', fields: { affected_users: -3 } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().field).toBe('fields.affected_users');
    expect((await app.api('GET', '/api/v1/incidents/INC-3')).statusCode).toBe(404);
  });

  it('a viewer may not change facts', async () => {
    const answer = await app.api('PATCH', '/api/v1/incidents/INC-1', { fields: { cs_inquiries: 1 } }, await app.tokenFor('viewer'));
    expect(answer.statusCode).toBe(403);
  });

  it('lists the declared fields and the inquiries field in /api/v1/meta for the web app', async () => {
    const meta = (await app.api('GET', '/api/v1/meta', undefined, await app.tokenFor('viewer'))).json();
    expect(meta.inquiriesField).toBe('cs_inquiries');
    expect(meta.fields.map((f: { key: string }) => f.key)).toEqual([
      'cs_inquiries', 'affected_users', 'affected_vehicles', 'personal_data_exposed', 'road_traffic_act', 'road_vehicles_act', 'region', 'privacy_officer',
    ]);
    expect(meta.fields.find((f: { key: string }) => f.key === 'road_traffic_act').label).toEqual({ en: 'Road Traffic Act concern', ja: '道路交通法への抵触' });
  });
});

describe.each(engines)('customer-support inquiries on %s', (engine) => {
  let app: TestApp;
  let helpdesk: string;
  beforeEach(async () => {
    app = await startTestApp(engine);
    helpdesk = await app.tokenFor('responder');
    await app.api('POST', '/api/v1/incidents', { title: 'App login fails' });
  });
  afterEach(async () => app.close());

  const inquire = (body: object, incident = 'INC-1') => app.api('POST', `/api/v1/incidents/${incident}/inquiries`, body, helpdesk);

  it('counts a ticket once: 201 the first time, 200 with the same answer when it is sent again', async () => {
    const first = await inquire({ ticketId: 'ZD-1001', source: 'zendesk', note: '決済できない', url: 'https://help.example.com/tickets/1001' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ reference: 'INC-1', ticketId: 'ZD-1001', source: 'zendesk', field: 'cs_inquiries', count: 1, recordedBy: 'responder token' });
    app.clock.advance(5_000);
    const repeated = await inquire({ ticketId: 'ZD-1001', source: 'zendesk' });
    expect(repeated.statusCode).toBe(200);
    expect(repeated.json()).toEqual(first.json());
    expect((await inquire({ ticketId: 'ZD-1002' })).json().count).toBe(2);
    expect((await app.api('GET', '/api/v1/incidents/INC-1')).json().fields).toEqual({ cs_inquiries: 2 });

    const recorded = (await app.api('GET', '/api/v1/incidents/INC-1/timeline')).json().items.filter((e: { kind: string }) => e.kind === 'inquiry.recorded');
    expect(recorded.map((e: { payload: object }) => e.payload)).toEqual([
      expect.objectContaining({ ticketId: 'ZD-1001', source: 'zendesk', note: '決済できない', field: 'cs_inquiries', from: 0, to: 1 }),
      expect.objectContaining({ ticketId: 'ZD-1002', from: 1, to: 2 }),
    ]);
  });

  it('counts a ticket delivered twice at the same moment once', async () => {
    const answers = await Promise.all([inquire({ ticketId: 'ZD-7' }), inquire({ ticketId: 'ZD-7' }), inquire({ ticketId: 'ZD-8' })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201, 201]);
    const sevens = answers.slice(0, 2).map((a) => a.json());
    expect(sevens[0]).toEqual(sevens[1]);
    expect((await app.api('GET', '/api/v1/incidents/INC-1')).json().fields).toEqual({ cs_inquiries: 2 });
    expect((await kinds(app)).filter((k: string) => k === 'inquiry.recorded')).toHaveLength(2);
  });

  it('counts every inquiry without a ticket id, on top of a count a person typed', async () => {
    await app.api('PATCH', '/api/v1/incidents/INC-1', { fields: { cs_inquiries: 40 } });
    await inquire({});
    expect((await inquire({ source: 'phone' })).json().count).toBe(42);
  });

  it('the same ticket id counts separately on another incident', async () => {
    await app.api('POST', '/api/v1/incidents', { title: 'Second' });
    expect((await inquire({ ticketId: 'ZD-1' })).statusCode).toBe(201);
    expect((await inquire({ ticketId: 'ZD-1' }, 'INC-2')).statusCode).toBe(201);
  });

  it('refuses a viewer token, an unknown incident and a malformed body', async () => {
    expect((await app.api('POST', '/api/v1/incidents/INC-1/inquiries', { ticketId: 'x' }, await app.tokenFor('viewer'))).statusCode).toBe(403);
    expect((await inquire({ ticketId: 'x' }, 'INC-99')).statusCode).toBe(404);
    const bad = await inquire({ ticketId: 'x', url: 'javascript:alert(1)' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('url');
    expect((await inquire({ ticket: 'x' })).statusCode).toBe(400);
    expect((await app.api('GET', '/api/v1/incidents/INC-1')).json().fields).toEqual({});
  });

  it('answers 409 when the settings file turns inquiry counting off', async () => {
    const off = await startTestApp(engine, { settings: { ...DEFAULT_SETTINGS, inquiries: { field: null } } });
    try {
      await off.api('POST', '/api/v1/incidents', { title: 'x' });
      const answer = await off.api('POST', '/api/v1/incidents/INC-1/inquiries', { ticketId: 'a' });
      expect(answer.statusCode).toBe(409);
      expect(answer.json().code).toBe('inquiry.not_counted');
    } finally {
      await off.close();
    }
  });
});

describe.each(engines)('incident facts in the postmortem on %s', (engine) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(engine);
  });
  afterEach(async () => app.close());

  it("lists the facts the incident holds in the postmortem's impact section, under their labels", async () => {
    await app.api('POST', '/api/v1/incidents', { title: 'Door unlock fails', fields: { affected_vehicles: 320, road_vehicles_act: true } });
    await app.api('POST', '/api/v1/incidents/INC-1/inquiries', { ticketId: 'T-1' });
    await app.api('PATCH', '/api/v1/incidents/INC-1', { status: 'resolved' });
    expect((await app.api('POST', '/api/v1/incidents/INC-1/postmortem')).statusCode).toBe(201);
    const english = (await app.api('GET', '/api/v1/incidents/INC-1/postmortem.md')).body;
    expect(english).toContain('Affected vehicles: 320');
    expect(english).toContain('Customer-support inquiries: 1');
    expect(english).toMatch(/Road Transport Vehicle Act concern: (yes|Yes)/);
  });
});
