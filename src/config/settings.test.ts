import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsError, parseSettings } from './settings.js';

describe('parseSettings', () => {
  it('fills what the file leaves out from the defaults', () => {
    const settings = parseSettings('severities: [P1, P2, P3]\nslack:\n  broadcastChannel: C0ANNOUNCE\n');
    expect(settings.severities).toEqual(['P1', 'P2', 'P3']);
    expect(settings.slack).toEqual({ ...DEFAULT_SETTINGS.slack, broadcastChannel: 'C0ANNOUNCE' });
  });

  it('treats an empty file as all defaults', () => {
    expect(parseSettings('')).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['a misspelt key', 'severities: [SEV1]\nslak:\n  tokenStrategy: bot\n', 'slak', 2, 'is not a known setting'],
    ['a nested misspelt key', 'slack:\n  tokenStrategy: auto\n  broadcastChanel: C1\n', 'slack.broadcastChanel', 3, 'is not a known setting'],
    ['a wrong type', 'slack:\n  defaultResponders: U0ALICE\n', 'slack.defaultResponders', 2, ''],
    ['an empty severity list', 'severities: []\n', 'severities', 1, ''],
    ['duplicate severities', 'severities: [SEV1, SEV1]\n', 'severities', 1, ''],
  ])('names the key and line of %s', (_name, text, key, line, reason) => {
    try {
      parseSettings(text, 'hikeshi.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      expect(error).toMatchObject({ key, line });
      expect((error as Error).message).toContain(`hikeshi.yaml:${line}: ${key}`);
      expect((error as Error).message).toContain(reason);
    }
  });

  it('reports YAML syntax errors with their line', () => {
    expect(() => parseSettings('severities: [SEV1\nslack: {', 'x.yaml')).toThrow(/^x\.yaml:\d+/);
  });
});

describe('SLO settings', () => {
  it('the slos folder defaults to ./slos; prometheus is optional, with a URL and a timeout', () => {
    expect(parseSettings('').slos).toBe('./slos');
    expect(parseSettings('').prometheus).toBeUndefined();
    expect(parseSettings('slos: ./reliability/slos\nprometheus:\n  url: http://prometheus:9090\n  timeoutSeconds: 5\n')).toMatchObject({
      slos: './reliability/slos',
      prometheus: { url: 'http://prometheus:9090', timeoutSeconds: 5 },
    });
  });

  it.each([
    ['prometheus:\n  url: prometheus:9090\n', /hikeshi\.yaml:2: prometheus\.url /],
    ['prometheus:\n  url: http://p:9090\n  timeoutSeconds: 0\n', /hikeshi\.yaml:3: prometheus\.timeoutSeconds /],
    ['prometheus:\n  url: http://p:9090\n  token: x\n', /hikeshi\.yaml:3: prometheus\.token is not a known setting/],
  ])('refuses %j naming the key and line', (text, message) => {
    expect(() => parseSettings(text)).toThrow(message);
  });
});
