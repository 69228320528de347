import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BOT_SCOPES, USER_SCOPES } from './scopes.js';

describe('slack-app-manifest.yaml', () => {
  const manifest = parse(readFileSync('slack-app-manifest.yaml', 'utf8'));

  it('asks for exactly the scopes the install asks for', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
    expect([...manifest.oauth_config.scopes.user].sort()).toEqual([...USER_SCOPES].sort());
  });

  it('sends events, commands and interactivity to the one request URL', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c: { url: string }) => c.url),
    ];
    expect(new Set(urls.map((u: string) => new URL(u).pathname))).toEqual(new Set(['/slack/events']));
  });
});
