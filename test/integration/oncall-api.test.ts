import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/usecases/catalog/users.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { engines } from '../helpers/databases.js';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../helpers/app.js';

const ZONE = 'America/New_York';
const ROTA_ZONE = 'Europe/London';

/** October 2026 in London (DST ends on the 25th): one row per day, people by email, Slack id or name. */
function octoberRota(): { csv: string; expected: Map<number, string>; badLine: number } {
  const cells = ['ann@example.com', 'U0BOB', 'Cat Doe'];
  const expected = new Map<number, string>();
  const lines = ['date,primary,secondary'];
  let badLine = 0;
  for (let day = 1; day <= 31; day++) {
    const who = day % 3;
    lines.push(`2026-10-${String(day).padStart(2, '0')},${cells[who]},${cells[(who + 1) % 3]}`);
    expected.set(day, ['ann', 'bob', 'cat'][who]!);
    if (day === 10) {
      lines.push('2026-10-1O,ann@example.com,U0BOB'); // a letter O: a malformed date
      badLine = lines.length;
    }
  }
  return { csv: `${lines.join('\n')}\n`, expected, badLine };
}

/** An instant at a wall-clock time of a day of a month of 2026 (days past its end run on), as an ISO string with Z. */
const wall = (zone: string, month: number) => (day: number, hour: number, minute = 0) =>
  DateTime.fromObject({ year: 2026, month, day: 1, hour, minute }, { zone }).plus({ days: day - 1 }).toUTC().toISO()!;
/** November in New York. */
const local = wall(ZONE, 11);
/** October in London. */
const london = wall(ROTA_ZONE, 10);

describe.each(engines)('on-call schedules API on %s', (engine) => {
  let app: TestApp;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp(engine);
    const add = async (key: string, name: string, email: string, slackUserId?: string) => {
      people[key] = (await createUser(app.deps, { name, email, ...(slackUserId && { slackUserId }) }, SYSTEM_PRINCIPAL)).id;
    };
    await add('ann', 'Ann Lee', 'ann@example.com');
    await add('bob', 'Bob Ito', 'bob@example.com', 'U0BOB');
    await add('cat', 'Cat Doe', 'cat@example.com');
    await add('zed', 'Zed Ruiz', 'zed@example.com');
    await add('sam1', 'Sam Park', 'sam.p@example.com');
    await add('sam2', 'Sam Park', 'sam.k@example.com');
  });
  afterAll(async () => app?.close());

  const weekly = (participants: string[]) => ({ name: 'Weekly', participants, rotation: { unit: 'weeks', length: 1 }, handoffTime: '09:00', startDate: '2026-01-05' });

  it('creates, reads, lists, changes and deletes a schedule; people may be named by email or Slack id', async () => {
    const created = await app.api('POST', '/api/v1/schedules', {
      name: 'Payments primary',
      timeZone: ZONE,
      layers: [weekly(['ann@example.com', 'U0BOB'])],
      overrides: [{ userId: 'cat@example.com', start: '2026-11-20T12:00:00-05:00', end: '2026-11-20T18:00:00-05:00' }],
    });
    expect(created.statusCode).toBe(201);
    const schedule = created.json();
    expect(schedule).toMatchObject({
      name: 'Payments primary',
      timeZone: ZONE,
      handoffTime: '09:00',
      teamId: null,
      revision: 1,
      layers: [{ kind: 'rotation', id: 'layer-1', name: 'Weekly', participants: [people.ann, people.bob] }],
      overrides: [{ id: expect.any(String), userId: people.cat, start: '2026-11-20T17:00:00.000Z', end: '2026-11-20T23:00:00.000Z' }],
    });

    expect((await app.api('GET', `/api/v1/schedules/${schedule.id}`)).json()).toEqual(schedule);
    expect((await app.api('GET', '/api/v1/schedules/Payments%20primary')).json().id).toBe(schedule.id);
    const listed = (await app.api('GET', '/api/v1/schedules')).json();
    expect(listed.items.map((s: { name: string }) => s.name)).toContain('Payments primary');

    const changed = await app.api('PATCH', `/api/v1/schedules/${schedule.id}`, { description: 'Card payments', handoffTime: '10:00' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ description: 'Card payments', handoffTime: '10:00', revision: 2, layers: schedule.layers });

    expect((await app.api('POST', '/api/v1/schedules', { name: 'Payments primary', timeZone: 'UTC' })).json()).toMatchObject({ status: 409, code: 'resource.name_taken' });

    const removed = await app.api('DELETE', `/api/v1/schedules/${schedule.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await app.api('GET', `/api/v1/schedules/${schedule.id}`)).statusCode).toBe(404);
  });

  it.each<[string, Record<string, unknown>, number, string]>([
    ['an unknown zone', { timeZone: 'Mars/Olympus' }, 422, 'timeZone'],
    ['a bad handoff time', { layers: [{ ...weekly(['ann@example.com']), handoffTime: '9am' }] }, 422, 'layers[0].handoffTime'],
    ['a monthly rotation', { layers: [{ ...weekly(['ann@example.com']), rotation: { unit: 'months', length: 1 } }] }, 422, 'layers[0].rotation.unit'],
    ['a start date that does not exist', { layers: [{ ...weekly(['ann@example.com']), startDate: '2026-02-30' }] }, 422, 'layers[0].startDate'],
    ['an unknown participant', { layers: [weekly(['ann@example.com', 'nobody@example.com'])] }, 422, 'layers[0].participants[1]'],
    ['a name two people share', { layers: [weekly(['Sam Park'])] }, 422, 'layers[0].participants[0]'],
    ['an override ending before it starts', { overrides: [{ userId: 'U0BOB', start: '2026-11-20T12:00:00Z', end: '2026-11-20T11:00:00Z' }] }, 422, 'overrides[0].end'],
    ['an override time without an offset', { overrides: [{ userId: 'U0BOB', start: '2026-11-20T12:00', end: '2026-11-20T13:00:00Z' }] }, 422, 'overrides[0].start'],
    ['a rota column that does not exist', { rotaColumns: { 'on call': 'boss' } }, 422, 'rotaColumns.on call'],
    ['an unknown team', { teamId: 'Nobody' }, 422, 'teamId'],
    ['an unknown field (schema)', { colour: 'red' }, 400, 'colour'],
    ['participants that are not a list (schema)', { layers: [{ ...weekly([]), participants: 'ann' }] }, 400, 'layers[0].participants'],
  ])('names the field for %s', async (_case, change, status, field) => {
    const answer = await app.api('POST', '/api/v1/schedules', { name: `Bad ${field}`, timeZone: ZONE, ...change });
    expect(answer.statusCode).toBe(status);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.json()).toMatchObject({ code: 'validation.invalid_field', field });
  });

  it('keeps viewers to reading and responders to overrides', async () => {
    const viewer = await app.tokenFor('viewer');
    const responder = await app.tokenFor('responder');
    const schedule = (await app.api('POST', '/api/v1/schedules', { name: 'Roles', timeZone: 'UTC', layers: [weekly(['zed@example.com'])] })).json();
    expect((await app.api('POST', '/api/v1/schedules', { name: 'X', timeZone: 'UTC' }, viewer)).statusCode).toBe(403);
    expect((await app.api('GET', `/api/v1/oncall?schedule=${schedule.id}`, undefined, viewer)).statusCode).toBe(200);
    expect((await app.api('POST', `/api/v1/schedules/${schedule.id}/overrides`, { userId: 'ann@example.com', start: '2026-11-20T00:00:00Z', end: '2026-11-21T00:00:00Z' }, viewer)).statusCode).toBe(403);
    const added = await app.api('POST', `/api/v1/schedules/${schedule.id}/overrides`, { userId: 'ann@example.com', start: '2026-11-20T00:00:00Z', end: '2026-11-21T00:00:00Z' }, responder);
    expect(added.statusCode).toBe(201);
    expect((await app.api('POST', `/api/v1/schedules/${schedule.id}/import`, { csv: 'date,primary\n2026-11-20,U0BOB\n' }, responder)).statusCode).toBe(403);
  });

  it('adds and removes an override, and answers who is on call with the shift end and next handoff', async () => {
    const schedule = (await app.api('POST', '/api/v1/schedules', { name: 'Overrides', timeZone: ZONE, layers: [weekly(['ann@example.com', 'U0BOB'])] })).json();
    // 2026-11-16 is a Monday: week turns hand over then at 09:00 local.
    const before = (await app.api('GET', `/api/v1/oncall?schedule=${schedule.id}&at=${local(18, 12)}`)).json();
    const whoseWeek = before.items[0].user.id;
    expect(before.items[0]).toMatchObject({ schedule: { id: schedule.id, name: 'Overrides', timeZone: ZONE }, until: local(23, 9), source: { layerId: 'layer-1' } });

    const added = await app.api('POST', `/api/v1/schedules/${schedule.id}/overrides`, { userId: 'cat@example.com', start: local(18, 10), end: local(18, 14) });
    expect(added.statusCode).toBe(201);
    const override = added.json();
    expect(override).toMatchObject({ userId: people.cat, start: local(18, 10), end: local(18, 14) });

    const during = (await app.api('GET', `/api/v1/oncall?schedule=Overrides&at=${local(18, 12)}`)).json().items[0];
    expect(during).toMatchObject({
      user: { id: people.cat, name: 'Cat Doe', email: 'cat@example.com', slackUserId: null },
      source: { overrideId: override.id },
      until: local(18, 14),
      nextHandoff: { at: local(18, 14), from: { id: people.cat }, to: { id: whoseWeek } },
    });

    const shifts = (await app.api('GET', `/api/v1/schedules/${schedule.id}/shifts?from=${local(18, 0)}&to=${local(19, 0)}`)).json();
    expect(shifts.shifts.map((s: { user: { id: string }; start: string; end: string }) => [s.user.id, s.start, s.end])).toEqual([
      [whoseWeek, local(18, 0), local(18, 10)],
      [people.cat, local(18, 10), local(18, 14)],
      [whoseWeek, local(18, 14), local(19, 0)],
    ]);
    expect(shifts.gaps).toEqual([]);

    expect((await app.api('POST', `/api/v1/schedules/${schedule.id}/overrides`, { userId: 'U0BOB', start: local(18, 10), end: local(18, 9) })).json()).toMatchObject({ status: 422, field: 'end' });
    expect((await app.api('DELETE', `/api/v1/schedules/${schedule.id}/overrides/${override.id}`)).statusCode).toBe(204);
    expect((await app.api('DELETE', `/api/v1/schedules/${schedule.id}/overrides/${override.id}`)).statusCode).toBe(404);
    expect((await app.api('GET', `/api/v1/oncall?schedule=${schedule.id}&at=${local(18, 12)}`)).json().items[0].user.id).toBe(whoseWeek);
  });

  it('answers for a team and for a service through its owning team, and reports gaps', async () => {
    const team = (await app.api('POST', '/api/v1/teams', { name: 'Checkout' })).json();
    await app.api('POST', '/api/v1/services', { name: 'cart', teamId: team.id });
    await app.api('POST', '/api/v1/services', { name: 'orphan' });
    await app.api('POST', '/api/v1/schedules', { name: 'Checkout days', timeZone: ZONE, teamId: 'Checkout', layers: [{ ...weekly(['zed@example.com']), restrictions: { kind: 'daily', from: '09:00', to: '17:00' } }] });
    await app.api('POST', '/api/v1/schedules', { name: 'Checkout nights', timeZone: ZONE, teamId: team.id, layers: [weekly(['U0BOB'])] });

    const names = (answer: { items: { schedule: { name: string } }[] }) => answer.items.map((i) => i.schedule.name);
    const byTeam = (await app.api('GET', `/api/v1/oncall?team=Checkout&at=${local(18, 20)}`)).json();
    expect(names(byTeam)).toEqual(['Checkout days', 'Checkout nights']);
    expect(byTeam.items[0]).toMatchObject({ team: { id: team.id, name: 'Checkout' }, user: null, source: null, until: local(19, 9), nextHandoff: { at: local(19, 9), from: null, to: { id: people.zed } } });
    expect(byTeam.items[1].user.id).toBe(people.bob);

    expect(names((await app.api('GET', `/api/v1/oncall?service=cart&at=${local(18, 20)}`)).json())).toEqual(['Checkout days', 'Checkout nights']);
    expect((await app.api('GET', '/api/v1/oncall?service=orphan')).json().items).toEqual([]);
    expect((await app.api('GET', '/api/v1/oncall?service=nope')).json()).toMatchObject({ status: 422, field: 'service' });
    expect((await app.api('GET', '/api/v1/oncall?at=2026-11-18T12:00')).json()).toMatchObject({ status: 422, field: 'at' });

    const days = (await app.api('GET', `/api/v1/schedules/Checkout%20days/shifts?from=${local(18, 0)}&to=${local(19, 0)}`)).json();
    expect(days.gaps).toEqual([{ start: local(18, 0), end: local(18, 9) }, { start: local(18, 17), end: local(19, 0) }]);
    expect((await app.api('GET', `/api/v1/schedules/Checkout%20days/shifts?from=2026-01-01T00:00:00Z&to=2029-01-01T00:00:00Z`)).json()).toMatchObject({ status: 422, field: 'to' });
  });

  describe('a CSV rota for October 2026 in London (DST ends on the 25th)', () => {
    const { csv, expected, badLine } = octoberRota();
    let scheduleId: string;

    beforeAll(async () => {
      const created = await app.api('POST', '/api/v1/schedules', { name: 'October rota', timeZone: ROTA_ZONE, layers: [weekly(['zed@example.com'])] });
      scheduleId = created.json().id;
    });

    it('applies every good row, reports the malformed one by line, and answers for every day', async () => {
      const imported = await app.api('POST', `/api/v1/schedules/${scheduleId}/import`, { csv, mode: 'overrides' });
      expect(imported.statusCode).toBe(200);
      expect(imported.json()).toMatchObject({
        complete: true,
        dryRun: false,
        mode: 'overrides',
        role: 'primary',
        format: 'daily',
        applied: 31,
        otherRoleShifts: 31,
        problems: [{ line: badLine, code: 'bad_date', column: 'date', value: '2026-10-1O', message: expect.stringContaining('not a date') }],
      });

      for (const [day, person] of expected) {
        const noon = (await app.api('GET', `/api/v1/oncall?schedule=${scheduleId}&at=${london(day, 12)}`)).json().items[0];
        // Each day's person differs from the next day's (and from the layer's after the 31st).
        expect({ day, user: noon.user?.id, until: noon.until }).toEqual({ day, user: people[person], until: london(day + 1, 9) });
        // Half an hour before the day's handoff, the previous day's person still has it (the 1st: the weekly layer).
        const early = (await app.api('GET', `/api/v1/oncall?schedule=${scheduleId}&at=${london(day, 8, 30)}`)).json().items[0];
        expect({ day, early: early.user?.id }).toEqual({ day, early: day === 1 ? people.zed : people[expected.get(day - 1)!] });
      }
      // The day after the rota, the layer below shows through again.
      const after = (await app.api('GET', `/api/v1/oncall?schedule=${scheduleId}&at=${london(32, 12)}`)).json();
      expect(after.items[0].user.id).toBe(people.zed);
    });

    it('runs the shift over the DST change 25 hours: 09:00 BST to 09:00 GMT', async () => {
      const shifts = (await app.api('GET', `/api/v1/schedules/${scheduleId}/shifts?from=2026-10-24T00:00:00Z&to=2026-10-26T12:00:00Z`)).json();
      expect(shifts.shifts.map((s: { user: { id: string }; start: string; end: string }) => [s.user.id, s.start, s.end])).toEqual([
        [people[expected.get(23)!], '2026-10-24T00:00:00.000Z', '2026-10-24T08:00:00.000Z'],
        [people[expected.get(24)!], '2026-10-24T08:00:00.000Z', '2026-10-25T09:00:00.000Z'],
        [people[expected.get(25)!], '2026-10-25T09:00:00.000Z', '2026-10-26T09:00:00.000Z'],
        [people[expected.get(26)!], '2026-10-26T09:00:00.000Z', '2026-10-26T12:00:00.000Z'],
      ]);
    });

    it('re-importing the file replaces its overrides instead of stacking copies', async () => {
      const before = (await app.api('GET', `/api/v1/schedules/${scheduleId}`)).json();
      const again = (await app.api('POST', `/api/v1/schedules/${scheduleId}/import`, { csv })).json();
      expect(again).toMatchObject({ applied: 31, replaced: before.overrides.length });
      const after = (await app.api('GET', `/api/v1/schedules/${scheduleId}`)).json();
      expect(after.overrides).toHaveLength(before.overrides.length);
      expect(after.overrides.map((o: { userId: string; start: string }) => [o.userId, o.start])).toEqual(before.overrides.map((o: { userId: string; start: string }) => [o.userId, o.start]));
    });

    it.each<[string, string, string]>([
      ['no primary column', 'date,secondary\n2026-10-05,U0BOB\n', 'missing_column'],
      ['an unclosed quote', 'date,primary\n2026-10-05,U0BOB\n2026-10-06,"Cat Doe\n', 'unterminated_quote'],
      ['an empty file', '', 'no_rows'],
      ['no usable row', 'date,primary\n2026-10-05,Nobody\n', 'no_shifts'],
    ])('refuses %s with 422 and changes nothing', async (_case, file, code) => {
      const before = (await app.api('GET', `/api/v1/schedules/${scheduleId}`)).json();
      const refused = await app.api('POST', `/api/v1/schedules/${scheduleId}/import`, { csv: file });
      expect(refused.statusCode).toBe(422);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.json()).toMatchObject({ code: 'oncall.rota_refused', problems: expect.arrayContaining([expect.objectContaining({ code, line: expect.any(Number) })]) });
      expect((await app.api('GET', `/api/v1/schedules/${scheduleId}`)).json()).toEqual(before);
      expect((await app.api('GET', `/api/v1/oncall?schedule=${scheduleId}&at=${london(5, 12)}`)).json().items[0].user.id).toBe(people[expected.get(5)!]);
    });

    it('takes the file as text/csv, with mapped headers, as its own layer, and a dry run changes nothing', async () => {
      const own = (await app.api('POST', '/api/v1/schedules', { name: 'Backup rota', timeZone: ZONE, handoffTime: '10:00', rotaColumns: { Day: 'date', 'On call': 'primary', Backup: 'secondary' } })).json();
      const file = 'Day,On call,Backup,Notes\n2026-11-01,ann@example.com,Sam Park,"quiet, hopefully"\n2026-11-02,U0BOB,cat@example.com,\n';
      const post = (query: string) => app.server.inject({ method: 'POST', url: `/api/v1/schedules/${own.id}/import?${query}`, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' }, payload: file });

      const dry = await post('mode=layer&role=secondary&dryRun=true');
      expect(dry.json()).toMatchObject({ dryRun: true, applied: 1, problems: [{ line: 2, code: 'ambiguous_person', column: 'secondary' }], ignoredColumns: ['Notes'] });
      expect((await app.api('GET', `/api/v1/schedules/${own.id}`)).json().revision).toBe(1);

      const applied = await post('mode=layer&role=secondary');
      expect(applied.statusCode).toBe(200);
      const stored = (await app.api('GET', `/api/v1/schedules/${own.id}`)).json();
      expect(stored.layers).toEqual([
        { kind: 'explicit', id: 'rota-secondary', name: 'Spreadsheet rota (secondary)', shifts: [{ userId: people.cat, start: local(2, 10), end: local(3, 10) }] },
      ]);
      expect((await app.api('GET', `/api/v1/oncall?schedule=${own.id}&at=${local(2, 11)}`)).json().items[0].user.id).toBe(people.cat);
      expect((await app.api('GET', `/api/v1/oncall?schedule=${own.id}&at=${local(1, 11)}`)).json().items[0].user).toBeNull();
    });
  });

  describe('calendar feeds', () => {
    it('serves a schedule feed and a person feed behind unguessable addresses; a wrong or replaced token is 404', async () => {
      const schedule = (await app.api('POST', '/api/v1/schedules', { name: 'Feeds, "iCal"; test', timeZone: ZONE, layers: [{ ...weekly(['ann@example.com', 'U0BOB']), startDate: '2026-11-02' }] })).json();
      const made = await app.api('POST', `/api/v1/schedules/${schedule.id}/calendar-token`);
      expect(made.statusCode).toBe(201);
      const { token, path, url } = made.json();
      expect(token).toMatch(/^hkcal_[A-Za-z0-9_-]{43}$/);
      expect(path).toBe(`/ical/${token}.ics`);
      expect(url).toMatch(new RegExp(`^http://[^/]+${path}$`));

      const feed = await app.server.inject({ method: 'GET', url: path });
      expect(feed.statusCode).toBe(200);
      expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const text = feed.body;
      expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
      expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
      expect(text).toContain('X-WR-CALNAME:On call: Feeds\\, "iCal"\\; test\r\n');
      const unfolded = text.replace(/\r\n /g, '');
      expect(unfolded).toContain(`DTSTART:20261102T140000Z\r\nDTEND:20261109T140000Z\r\nSUMMARY:On call: Ann Lee\r\n`);
      expect(unfolded).toContain(`DTSTART:20261109T140000Z\r\nDTEND:20261116T140000Z\r\nSUMMARY:On call: Bob Ito\r\n`);
      const uids = [...unfolded.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]);
      expect(new Set(uids).size).toBe(uids.length);
      // The same shift keeps its UID the next day.
      app.clock.advance(86_400_000);
      const later = (await app.server.inject({ method: 'GET', url: path })).body.replace(/\r\n /g, '');
      const uidOf = (t: string, start: string) => new RegExp(`UID:(\\S+)\\r\\nDTSTAMP:\\S+\\r\\nDTSTART:${start}`).exec(t)?.[1];
      expect(uidOf(later, '20261109T140000Z')).toBe(uidOf(unfolded, '20261109T140000Z'));

      const person = await app.api('POST', `/api/v1/users/${people.bob}/calendar-token`);
      const personFeed = (await app.server.inject({ method: 'GET', url: person.json().path })).body.replace(/\r\n /g, '');
      expect(personFeed).toContain('X-WR-CALNAME:On call: Bob Ito\r\n');
      expect(personFeed).toContain('DTSTART:20261109T140000Z\r\nDTEND:20261116T140000Z\r\nSUMMARY:On call: Feeds\\, "iCal"\\; test\r\n');
      expect(personFeed).not.toContain('DTSTART:20261102T140000Z\r\nDTEND:20261109T140000Z\r\nSUMMARY:On call: Feeds');

      const viewer = await app.tokenFor('viewer');
      expect((await app.api('POST', `/api/v1/users/${people.bob}/calendar-token`, undefined, viewer)).statusCode).toBe(403);

      expect((await app.server.inject({ method: 'GET', url: `/ical/${token.slice(0, -2)}xx.ics` })).statusCode).toBe(404);
      expect((await app.server.inject({ method: 'GET', url: '/ical/not-a-token.ics' })).json()).toMatchObject({ status: 404, code: 'resource.not_found' });
      expect((await app.server.inject({ method: 'GET', url: `/ical/${token}` })).statusCode).toBe(404);
      await app.api('POST', `/api/v1/schedules/${schedule.id}/calendar-token`);
      expect((await app.server.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    });
  });

  it('documents the on-call routes in the OpenAPI document', async () => {
    const doc = (await app.api('GET', '/api/v1/openapi.json')).json();
    for (const path of ['/api/v1/oncall', '/api/v1/schedules', '/api/v1/schedules/{id}', '/api/v1/schedules/{id}/shifts', '/api/v1/schedules/{id}/import', '/api/v1/schedules/{id}/overrides/{overrideId}', '/api/v1/schedules/{id}/calendar-token', '/api/v1/users/{id}/calendar-token', '/ical/{file}']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(Object.keys(doc.paths['/api/v1/schedules/{id}/import'].post.requestBody.content)).toEqual(['application/json', 'text/csv']);
  });
});
