import { describe, expect, it } from 'vitest';
import { InvalidTransitionError, ValidationError } from '../../errors.js';
import { changeIncident } from './change.js';
import { declareIncident, type DeclarationInput } from './declare.js';
import type { Incident } from './incident.js';
import { INCIDENT_STATUSES, STATUS_TRANSITIONS, type IncidentStatus } from './status.js';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const T0 = new Date('2026-11-20T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function fresh(): Incident {
  return declareIncident({ title: 'DB failover' }, { id: 'i1', number: 1, declaredById: null, severities: SEVERITIES, now: T0 }).incident;
}

function inStatus(status: IncidentStatus, incident = fresh()): Incident {
  return { ...incident, status };
}

describe('declareIncident', () => {
  it.each<[string, Partial<DeclarationInput>, Partial<Incident>]>([
    ['defaults to the mildest configured severity', {}, { severity: 'SEV4', status: 'triage' }],
    ['trims the title', { title: '  決済APIの遅延  ' }, { title: '決済APIの遅延' }],
    ['deduplicates tags', { tags: ['db', 'db', 'eu'] }, { tags: ['db', 'eu'] }],
  ])('%s', (_name, input, expected) => {
    const { incident, timeline } = declareIncident(
      { title: 'x', ...input },
      { id: 'i1', number: 7, declaredById: 'u1', severities: SEVERITIES, now: T0 },
    );
    expect(incident).toMatchObject({ ...expected, number: 7, declaredAt: T0.toISOString(), declaredById: 'u1' });
    expect(timeline).toEqual([{ kind: 'incident.declared', payload: { title: incident.title, severity: incident.severity, status: 'triage' } }]);
  });

  it.each<[string, DeclarationInput, string]>([
    ['an empty title', { title: '   ' }, 'title'],
    ['a title of 201 characters', { title: 'x'.repeat(201) }, 'title'],
    ['an unknown severity', { title: 'x', severity: 'SEV9' }, 'severity'],
    ['an empty tag', { title: 'x', tags: ['ok', ' '] }, 'tags[1]'],
  ])('refuses %s and names the field', (_name, input, field) => {
    const declare = () => declareIncident(input, { id: 'i', number: 1, declaredById: null, severities: SEVERITIES, now: T0 });
    expect(declare).toThrow(ValidationError);
    try {
      declare();
    } catch (error) {
      expect((error as ValidationError).field).toBe(field);
    }
  });

  it('counts a 200-character Japanese title by characters, not bytes', () => {
    const title = '障'.repeat(200);
    expect(declareIncident({ title }, { id: 'i', number: 1, declaredById: null, severities: SEVERITIES, now: T0 }).incident.title).toBe(title);
  });
});

describe('status transitions', () => {
  const cases = INCIDENT_STATUSES.flatMap((from) =>
    INCIDENT_STATUSES.filter((to) => to !== from).map((to) => [from, to, STATUS_TRANSITIONS[from].includes(to)] as const),
  );

  it.each(cases)('%s → %s allowed: %s', (from, to, allowed) => {
    const change = () => changeIncident(inStatus(from), { status: to }, { severities: SEVERITIES, now: at(1) });
    if (allowed) {
      expect(change().incident.status).toBe(to);
      expect(change().timeline).toContainEqual({ kind: 'status.changed', payload: { from, to } });
    } else {
      expect(change).toThrow(InvalidTransitionError);
    }
  });

  it('explains a refusal with the moves that are allowed', () => {
    expect(() => changeIncident(inStatus('resolved'), { status: 'monitoring' }, { severities: SEVERITIES, now: at(1) })).toThrow(
      'An incident cannot move from resolved to monitoring. From resolved it can move to: investigating, closed.',
    );
  });

  it('closed is final', () => {
    expect(STATUS_TRANSITIONS.closed).toEqual([]);
  });
});

describe('lifecycle timestamps', () => {
  const ctx = (minutes: number) => ({ severities: SEVERITIES, now: at(minutes) });

  it('acknowledges on leaving triage, mitigates on monitoring, resolves on resolved, keeping the first times', () => {
    let incident = changeIncident(fresh(), { status: 'investigating' }, ctx(2)).incident;
    incident = changeIncident(incident, { status: 'monitoring' }, ctx(10)).incident;
    incident = changeIncident(incident, { status: 'identified' }, ctx(12)).incident;
    incident = changeIncident(incident, { status: 'resolved' }, ctx(30)).incident;
    expect(incident).toMatchObject({
      acknowledgedAt: at(2).toISOString(),
      mitigatedAt: at(10).toISOString(),
      resolvedAt: at(30).toISOString(),
      closedAt: null,
    });
  });

  it('resolving straight from triage sets acknowledged, mitigated and resolved at once', () => {
    const { incident } = changeIncident(fresh(), { status: 'resolved' }, ctx(5));
    expect([incident.acknowledgedAt, incident.mitigatedAt, incident.resolvedAt]).toEqual(Array(3).fill(at(5).toISOString()));
  });

  it('declining from triage to closed does not pretend it was acknowledged or resolved', () => {
    const { incident } = changeIncident(fresh(), { status: 'closed' }, ctx(5));
    expect(incident).toMatchObject({ acknowledgedAt: null, resolvedAt: null, closedAt: at(5).toISOString() });
  });

  it('reopening a resolved incident clears mitigation and resolution but keeps acknowledgement', () => {
    const resolved = changeIncident(fresh(), { status: 'resolved' }, ctx(5)).incident;
    const { incident } = changeIncident(resolved, { status: 'investigating' }, ctx(9));
    expect(incident).toMatchObject({ acknowledgedAt: at(5).toISOString(), mitigatedAt: null, resolvedAt: null });
  });

  it('accepts a corrected impact start given in another offset and stores it in UTC', () => {
    const { incident, timeline } = changeIncident(fresh(), { impactStartedAt: '2026-11-20T17:50:00+09:00' }, ctx(1));
    expect(incident.impactStartedAt).toBe('2026-11-20T08:50:00.000Z');
    expect(timeline).toEqual([{ kind: 'field.changed', payload: { field: 'impactStartedAt', from: null, to: '2026-11-20T08:50:00.000Z' } }]);
  });

  it('refuses an impact start after the resolution', () => {
    const resolved = changeIncident(fresh(), { status: 'resolved' }, ctx(5)).incident;
    expect(() => changeIncident(resolved, { impactStartedAt: at(6).toISOString() }, ctx(7))).toThrow(/impactStartedAt/);
  });
});

describe('changeIncident', () => {
  const ctx = { severities: SEVERITIES, now: at(3) };

  it('writes nothing and keeps updatedAt when a client retries the same change', () => {
    const once = changeIncident(fresh(), { severity: 'SEV2', roles: { commander: 'u1' }, tags: ['db'] }, ctx).incident;
    const twice = changeIncident(once, { severity: 'SEV2', roles: { commander: 'u1' }, tags: ['db'] }, { ...ctx, now: at(4) });
    expect(twice.timeline).toEqual([]);
    expect(twice.incident.updatedAt).toBe(at(3).toISOString());
  });

  it('describes each change once, in a stable order', () => {
    const { timeline } = changeIncident(
      { ...fresh(), serviceIds: ['s1', 's2'] },
      { title: 'DB down', severity: 'SEV1', serviceIds: ['s2', 's3'], roles: { commander: 'u1', scribe: null }, status: 'investigating' },
      ctx,
    );
    expect(timeline).toEqual([
      { kind: 'field.changed', payload: { field: 'title', from: 'DB failover', to: 'DB down' } },
      { kind: 'severity.changed', payload: { from: 'SEV4', to: 'SEV1' } },
      { kind: 'services.changed', payload: { added: ['s3'], removed: ['s1'] } },
      { kind: 'role.assigned', payload: { role: 'commander', from: null, to: 'u1' } },
      { kind: 'status.changed', payload: { from: 'triage', to: 'investigating' } },
    ]);
  });

  it('refuses an unknown severity without changing anything', () => {
    const before = fresh();
    expect(() => changeIncident(before, { severity: 'P0' }, ctx)).toThrow('severity: must be one of SEV1, SEV2, SEV3, SEV4 (got "P0")');
    expect(before.severity).toBe('SEV4');
  });
});
