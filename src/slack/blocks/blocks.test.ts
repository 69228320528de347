import { describe, expect, it } from 'vitest';
import type { SlackIncident } from '../../usecases/slack/slack-incident.js';
import { ACTION } from '../action-ids.js';
import { announcementMessage } from './announcement.js';
import { inviteSkippedNote } from './notes.js';
import { summaryMessage } from './summary.js';
import { TOPIC_MAX, channelTopic } from './topic.js';
import { broadcastUpdateMessage, channelUpdateMessage, quote } from './updates.js';
import type { TimelineEvent } from '../../store/repositories/timeline.js';

const ID = '0193a000-0000-7000-8000-000000000001';

function incident(overrides: Partial<SlackIncident> = {}): SlackIncident {
  return {
    id: ID,
    number: 12,
    reference: 'INC-12',
    title: '決済APIの遅延',
    summary: '',
    status: 'triage',
    severity: 'SEV2',
    severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'],
    allowedTransitions: ['investigating', 'identified', 'monitoring', 'resolved', 'closed'],
    acknowledged: false,
    roles: { commander: { userId: 'u1', name: 'Aiko Tanaka', slackUserId: 'UAIKO' }, communications: null, scribe: null },
    declaredBy: { userId: 'u2', name: 'Ben', slackUserId: null },
    services: [],
    facts: [],
    inquiries: null,
    declaredAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

function event(kind: string, payload: Record<string, unknown>, id = 'e1'): TimelineEvent {
  return { id, incidentId: ID, kind, payload, actor: { type: 'user', id: 'u2', name: 'Ben' }, occurredAt: '2026-11-20T09:01:00.000Z' };
}

type AnyBlock = { type: string; block_id?: string; elements?: { type: string; action_id?: string; value?: string; options?: { value: string }[] }[]; text?: { text: string } };

describe('channelTopic', () => {
  it.each([
    ['status, severity and commander', incident(), 'Status: Triage | Severity: SEV2 | Commander: Aiko Tanaka'],
    ['no commander yet', incident({ roles: { commander: null, communications: null, scribe: null } }), 'Status: Triage | Severity: SEV2 | Commander: unassigned'],
  ])('%s', (_name, input, expected) => {
    expect(channelTopic(input)).toBe(expected);
  });

  it('stays within 250 characters with an absurdly long commander name', () => {
    const long = incident({ roles: { commander: { userId: 'u', name: '長'.repeat(400), slackUserId: null }, communications: null, scribe: null } });
    expect([...channelTopic(long)].length).toBeLessThanOrEqual(TOPIC_MAX);
  });
});

describe('summaryMessage', () => {
  it('renders a Japanese title in the header and the fallback text', () => {
    const message = summaryMessage(incident());
    expect(message.text).toContain('INC-12: 決済APIの遅延');
    expect((message.blocks![0] as AnyBlock).text!.text).toBe('INC-12: 決済APIの遅延');
  });

  it('carries the incident id on every button and as the block id of the menus', () => {
    const actions = summaryMessage(incident()).blocks!.find((b) => b.type === 'actions') as AnyBlock;
    expect(actions.block_id).toBe(ID);
    expect(actions.elements!.map((e) => e.action_id)).toEqual([
      ACTION.acknowledge,
      ACTION.setStatus,
      ACTION.setSeverity,
      ACTION.assignRole,
      ACTION.resolve,
    ]);
    for (const button of actions.elements!.filter((e) => e.type === 'button')) expect(button.value).toBe(ID);
    const severity = actions.elements!.find((e) => e.action_id === ACTION.setSeverity)!;
    expect(severity.options!.map((o) => o.value)).toEqual(['SEV1', 'SEV3', 'SEV4']);
  });

  it('drops Acknowledge once acknowledged and Resolve once resolved', () => {
    const resolved = summaryMessage(incident({ status: 'resolved', acknowledged: true, allowedTransitions: ['investigating', 'closed'] }));
    const ids = (resolved.blocks!.find((b) => b.type === 'actions') as AnyBlock).elements!.map((e) => e.action_id);
    expect(ids).toEqual([ACTION.setStatus, ACTION.setSeverity, ACTION.assignRole]);
  });

  it('a closed incident has no buttons left', () => {
    expect(summaryMessage(incident({ status: 'closed', allowedTransitions: [] })).blocks!.some((b) => b.type === 'actions')).toBe(false);
  });

  it('mentions role holders with a Slack id and names the others, escaping Slack control characters', () => {
    const text = JSON.stringify(summaryMessage(incident({ summary: 'A <b> & C' })).blocks);
    expect(text).toContain('<@UAIKO>');
    expect(text).toContain('Ben');
    expect(text).toContain('A &lt;b&gt; &amp; C');
  });
});

describe('announcementMessage', () => {
  it('links the incident channel and shows the current state', () => {
    const message = announcementMessage(incident(), 'C123');
    expect(JSON.stringify(message.blocks)).toContain('Join <#C123>');
    expect(message.text).toBe('INC-12 declared: 決済APIの遅延 (SEV2, Triage)');
  });

  it('says resolved once the incident is resolved', () => {
    expect(announcementMessage(incident({ status: 'resolved' }), null).text).toMatch(/^INC-12 resolved/);
  });
});

describe('update messages', () => {
  const update = (events: TimelineEvent[]) => ({
    incident: incident(),
    channel: { incidentId: ID, channelId: 'C123', channelName: 'inc-12-api', summaryTs: null, announcementTs: null },
    events,
    people: { u1: { userId: 'u1', name: 'Aiko Tanaka', slackUserId: 'UAIKO' } },
  });

  it('echoes a status change, a new commander and a status update into the channel', () => {
    const message = channelUpdateMessage(
      update([
        event('status.changed', { from: 'triage', to: 'investigating' }),
        event('role.assigned', { role: 'commander', from: null, to: 'u1' }),
        event('status_update', { body: '原因を調査中\nETA 10:00', status: 'investigating' }),
      ]),
    );
    expect(message!.text).toContain('*Status*: Triage → Investigating');
    expect(message!.text).toContain('*Commander*: <@UAIKO> (was nobody)');
    expect(message!.text).toContain('> 原因を調査中\n> ETA 10:00');
  });

  it('echoes an alert joining the incident (its markup escaped) and all alerts resolved, never as a resolution', () => {
    const text = channelUpdateMessage(
      update([
        event('alert.attached', { alertId: 'a', alertNumber: 7, title: 'Disk <full> & slow', alertSeverity: 'critical', source: 'alertmanager', action: 'declare', rule: 0, pageId: null, pageNumber: null }),
        event('alert.all_resolved', { alerts: 3 }),
      ]),
    )!.text;
    expect(text).toContain('*Alert #7* (critical) joined this incident: Disk &lt;full&gt; &amp; slow');
    expect(text).toContain('*All 3 alerts* on INC-12 are resolved. The incident stays open until someone resolves it.');
    expect(broadcastUpdateMessage(update([event('alert.all_resolved', { alerts: 3 })]))).toBeNull();
  });

  it('posts nothing for changes the channel does not show', () => {
    expect(channelUpdateMessage(update([event('field.changed', { field: 'tags', from: [], to: ['db'] })]))).toBeNull();
  });

  it('broadcasts status updates and the resolution only', () => {
    expect(broadcastUpdateMessage(update([event('severity.changed', { from: 'SEV3', to: 'SEV1' })]))).toBeNull();
    expect(broadcastUpdateMessage(update([event('status.changed', { from: 'monitoring', to: 'resolved' })]))!.text).toContain(
      '*INC-12 resolved*: 決済APIの遅延 · <#C123>',
    );
  });

  it('quotes every line, empty ones too', () => {
    expect(quote('a\n\nb')).toBe('> a\n>\n> b');
  });
});

describe('inviteSkippedNote', () => {
  it.each([
    ['ura_max_channels', 'single-channel guest'],
    ['guest_needs_admin_token', 'only a workspace admin may add guests'],
    ['user_not_found', 'Slack does not know this user'],
    ['cant_invite', '`cant_invite`'],
  ])('explains %s', (reason, phrase) => {
    const note = inviteSkippedNote('USINA', reason);
    expect(note.text).toContain('<@USINA>');
    expect(note.text).toContain(phrase);
  });
});
