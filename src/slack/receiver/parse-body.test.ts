import { describe, expect, it } from 'vitest';
import { SlackBodyError, parseSlackBody } from './parse-body.js';

const FORM = 'application/x-www-form-urlencoded';

describe('parseSlackBody', () => {
  it('answers url_verification with its challenge', () => {
    expect(parseSlackBody('{"token":"t","challenge":"3eZbrw1a","type":"url_verification"}', 'application/json')).toEqual({
      kind: 'url_verification',
      challenge: '3eZbrw1a',
    });
  });

  it('passes an event callback through', () => {
    const body = { type: 'event_callback', event_id: 'Ev1', event: { type: 'reaction_added' } };
    expect(parseSlackBody(JSON.stringify(body), 'application/json; charset=utf-8')).toEqual({ kind: 'dispatch', body });
  });

  it('reads a slash command from its form fields, keeping spaces and mentions', () => {
    const raw = new URLSearchParams({ command: '/incident', text: 'role commander <@U123|mia>', user_id: 'U9' }).toString();
    expect(parseSlackBody(raw, FORM)).toEqual({
      kind: 'dispatch',
      body: { command: '/incident', text: 'role commander <@U123|mia>', user_id: 'U9' },
    });
  });

  it('reads an interaction from the JSON in its payload field', () => {
    const payload = { type: 'block_actions', actions: [{ action_id: 'a' }] };
    expect(parseSlackBody(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM)).toEqual({ kind: 'dispatch', body: payload });
  });

  it("recognises Slack's ssl_check", () => {
    expect(parseSlackBody('ssl_check=1&token=x', FORM)).toEqual({ kind: 'ssl_check' });
  });

  it.each([
    ['broken JSON', '{"type":', 'application/json'],
    ['a JSON array', '[1,2]', 'application/json'],
    ['a payload field that is not JSON', 'payload=%7Bnope', FORM],
    ['plain text', 'hello', 'text/plain'],
    ['url_verification without a challenge', '{"type":"url_verification"}', 'application/json'],
  ])('refuses %s', (_name, raw, type) => {
    expect(() => parseSlackBody(raw, type)).toThrow(SlackBodyError);
  });
});
