import { describe, expect, it } from 'vitest';
import { parseIncidentCommand, type IncidentCommand } from './parse-command.js';

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

describe('parseIncidentCommand', () => {
  it.each<[string, IncidentCommand]>([
    ['', { verb: 'help' }],
    ['help', { verb: 'help' }],
    ['declare', { verb: 'declare', title: undefined }],
    ['declare  決済APIの遅延  ', { verb: 'declare', title: '決済APIの遅延' }],
    ['declare INC-3 is back', { verb: 'declare', title: 'INC-3 is back' }],
    ['status monitoring', { verb: 'status', incident: undefined, status: 'monitoring' }],
    ['STATUS Identified', { verb: 'status', incident: undefined, status: 'identified' }],
    ['status inc-12 resolved', { verb: 'status', incident: 'INC-12', status: 'resolved' }],
    ['sev sev2', { verb: 'sev', incident: undefined, severity: 'SEV2' }],
    ['severity INC-4 SEV1', { verb: 'sev', incident: 'INC-4', severity: 'SEV1' }],
    ['role commander <@U0ALICE|alice>', { verb: 'role', incident: undefined, role: 'commander', slackUserId: 'U0ALICE' }],
    ['role comms <@W0BOB>', { verb: 'role', incident: undefined, role: 'communications', slackUserId: 'W0BOB' }],
    ['role scribe U0CAROL', { verb: 'role', incident: undefined, role: 'scribe', slackUserId: 'U0CAROL' }],
    ['update DB failed over;\nerror rate falling', { verb: 'update', incident: undefined, text: 'DB failed over;\nerror rate falling' }],
    ['update INC-7 rollback done', { verb: 'update', incident: 'INC-7', text: 'rollback done' }],
    ['resolve', { verb: 'resolve', incident: undefined }],
    ['resolve INC-9', { verb: 'resolve', incident: 'INC-9' }],
    ['runbook customer-facing-outage', { verb: 'runbook', incident: undefined, runbookId: 'customer-facing-outage' }],
    ['runbook INC-4 first-response', { verb: 'runbook', incident: 'INC-4', runbookId: 'first-response' }],
  ])('%j', (text, command) => {
    expect(parseIncidentCommand(text, SEVERITIES)).toEqual({ ok: true, command });
  });

  it.each<[string, RegExp]>([
    ['status', /status <triage\|investigating\|identified\|monitoring\|resolved\|closed>/],
    ['status done', /Usage: `status/],
    ['sev P0', /sev <SEV1\|SEV2\|SEV3\|SEV4>/],
    ['role captain <@U1>', /role <commander\|comms\|scribe> @person/],
    ['role commander @alice', /Escape channels, users, and links/],
    ['role commander', /Usage: `role/],
    ['update', /Usage: `update/],
    ['update INC-3', /Usage: `update/],
    ['resolve now please', /Usage: `resolve`/],
    ['runbook', /Usage: `runbook <runbook id>`/],
    ['page everyone', /Unknown command `page`/],
  ])('explains %j', (text, problem) => {
    const parsed = parseIncidentCommand(text, SEVERITIES);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.problem).toMatch(problem);
  });

  it('matches severities the team configured, whatever they are called', () => {
    expect(parseIncidentCommand('sev p1', ['P1', 'P2'])).toEqual({ ok: true, command: { verb: 'sev', incident: undefined, severity: 'P1' } });
  });
});
