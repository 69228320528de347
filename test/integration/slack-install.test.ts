/**
 * The install guard end to end against the Slack emulator: /slack/install → Slack's consent
 * (the emulator's /oauth/v2/authorize) → /slack/oauth_redirect, on both databases.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.js';
import { slackRoutes } from '../../src/slack/mount.js';
import { SlackRuntime } from '../../src/slack/runtime.js';
import { createApiToken } from '../../src/usecases/auth/api-tokens.js';
import { SYSTEM_PRINCIPAL } from '../../src/usecases/principal.js';
import { ADMIN_TOKEN } from '../helpers/app.js';
import { engines } from '../helpers/databases.js';
import { startSlackTestApp, type SlackTestApp } from '../helpers/slack-app.js';

const OAUTH = { clientId: 'test-client-id', clientSecret: 'test-client-secret', redirectUri: 'https://hikeshi.test/slack/oauth_redirect' };
const COOKIE = 'hikeshi_slack_oauth_state';

interface Consent {
  /** The state cookie /slack/install set, as the browser sends it back. */
  cookie: string;
  /** Slack's redirect back to Hikeshi: path and query. */
  callback: string;
}

/** Opens /slack/install, follows "Add to Slack" to the emulator as `installer`, and returns Slack's redirect. */
async function consent(app: SlackTestApp, installer: string): Promise<Consent> {
  const start = await app.server.inject({ method: 'GET', url: '/slack/install' });
  expect(start.statusCode).toBe(200);
  const setCookie = String(start.headers['set-cookie']);
  expect(setCookie).toMatch(new RegExp(`^${COOKIE}=[^;]+; .*HttpOnly; Path=/; Max-Age=600`));
  const href = /href="([^"]+)" data-testid="add-to-slack"/.exec(start.body)?.[1]?.replaceAll('&amp;', '&');
  expect(href).toBeDefined();
  const authorize = new URL(href!);
  expect(authorize.origin + authorize.pathname).toBe(`${app.emulator.origin}/oauth/v2/authorize`);
  expect(authorize.searchParams.get('user_scope')).toContain('channels:write.invites');
  authorize.searchParams.set('emulator_user', installer);
  const redirect = await fetch(authorize, { redirect: 'manual' });
  expect(redirect.status).toBe(302);
  const back = new URL(redirect.headers.get('location')!);
  return { cookie: setCookie.split(';')[0]!, callback: back.pathname + back.search };
}

function finish(app: SlackTestApp, { cookie, callback }: Consent, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.server.inject({ method: 'GET', url: callback, headers: { cookie, ...headers } });
}

async function install(app: SlackTestApp, installer: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return finish(app, await consent(app, installer), headers);
}

const rows = (app: SlackTestApp) => app.database.db.selectFrom('slack_installations').selectAll().execute();
const userTokenOf = (app: SlackTestApp, userId: string) =>
  [...app.emulator.workspace.tokens.byToken.values()].filter((t) => t.kind === 'user' && t.userId === userId);

describe.each(engines)('Slack install guard (%s)', (engine) => {
  let app: SlackTestApp;
  afterEach(async () => app?.close());

  const start = (options: Parameters<typeof startSlackTestApp>[1] = {}) =>
    startSlackTestApp(engine, { adminToken: false, emulator: { oauth: OAUTH }, ...options });

  it('an admin install stores the tokens sealed, and the credentials read the admin token back', async () => {
    app = await start();
    const response = await install(app, app.people.admin);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('Hikeshi is installed');
    expect(String(response.headers['set-cookie'])).toMatch(new RegExp(`^${COOKIE}=deleted;`));

    const ws = app.emulator.workspace;
    const adminToken = ws.tokens.active('user', app.people.admin)!.token;
    const botToken = ws.tokens.active('bot', ws.botUser.id)!.token;
    const [row, ...others] = await rows(app);
    expect(others).toEqual([]);
    expect(row).toMatchObject({ team_id: ws.team.id, team_name: ws.team.name, admin_user_id: app.people.admin, installed_by_user_id: app.people.admin, bot_user_id: ws.botUser.id });
    expect(row!.admin_scopes).toContain('channels:write.invites');
    expect(row!.bot_scopes).toContain('channels:manage');
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(adminToken);
    expect(stored).not.toContain(botToken);
    expect(stored).not.toMatch(/xox[bp]-/);
    expect(row!.admin_token_sealed).toMatch(/^v1\./);

    const credential = await app.runtime.credentials.adminCredential();
    expect(credential).toMatchObject({ token: adminToken, userId: app.people.admin, source: 'installation' });
    expect(await app.runtime.credentials.botToken()).toBe(botToken);
  });

  it('a member re-install is refused with a page that says why; only their fresh user token is revoked', async () => {
    app = await start();
    expect((await install(app, app.people.admin)).statusCode).toBe(200);
    const before = await rows(app);
    const ws = app.emulator.workspace;
    const adminToken = ws.tokens.active('user', app.people.admin)!.token;
    const botToken = ws.tokens.active('bot', ws.botUser.id)!.token;

    const response = await install(app, app.people.member);
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('Install refused');
    expect(response.body).toContain('data-reason="not_admin"');
    expect(response.body).toContain('not a workspace owner or admin');
    expect(response.body).toContain('data-revocation="revoked"');

    // The member's fresh user token is dead; the tokens in use are not.
    const memberTokens = userTokenOf(app, app.people.member);
    expect(memberTokens).toHaveLength(1);
    expect(memberTokens[0]!.revoked).toBe(true);
    expect(app.emulator.callsTo('auth.revoke').map((c) => [c.tokenKind, c.userId])).toEqual([['user', app.people.member]]);
    expect(ws.tokenInfo(botToken)!.revoked).toBe(false);
    expect(ws.tokenInfo(adminToken)!.revoked).toBe(false);

    // The working installation is untouched, and the admin token is still the admin's.
    expect(await rows(app)).toEqual(before);
    expect(await app.runtime.credentials.adminCredential()).toMatchObject({ token: adminToken, userId: app.people.admin });
  });

  it('a guest is refused too, and the page follows the browser’s language', async () => {
    app = await start();
    const response = await install(app, app.people.multiGuest, { 'accept-language': 'ja,en;q=0.8' });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('<html lang="ja">');
    expect(response.body).toContain('インストールを拒否しました');
    expect(response.body).toContain('マルチチャンネルゲスト');
    expect(await rows(app)).toEqual([]);
    expect(userTokenOf(app, app.people.multiGuest)[0]!.revoked).toBe(true);
  });

  it('a demoted admin re-installing is refused, and the token Hikeshi uses is not revoked', async () => {
    app = await start();
    expect((await install(app, app.people.admin)).statusCode).toBe(200);
    const before = await rows(app);
    const adminToken = app.emulator.workspace.tokens.active('user', app.people.admin)!.token;
    app.emulator.workspace.users.get(app.people.admin)!.is_admin = false;

    const response = await install(app, app.people.admin);
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('data-reason="not_admin"');
    expect(response.body).toContain('data-revocation="kept"');
    expect(app.emulator.callsTo('auth.revoke')).toEqual([]);
    expect(app.emulator.workspace.tokenInfo(adminToken)!.revoked).toBe(false);
    expect(await rows(app)).toEqual(before);
  });

  it('with settings.slack.installers, only the listed service account may install', async () => {
    app = await start();
    // Seeded user ids are known once the app runs: list the owner as the service account.
    app.deps.settings.slack.installers = [app.people.owner];

    const refused = await install(app, app.people.admin);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('data-reason="not_an_installer"');
    expect(await rows(app)).toEqual([]);
    expect(userTokenOf(app, app.people.admin)[0]!.revoked).toBe(true);

    const accepted = await install(app, app.people.owner);
    expect(accepted.statusCode).toBe(200);
    expect((await rows(app)).map((r) => r.admin_user_id)).toEqual([app.people.owner]);
  });

  it('a missing, forged or expired state is refused before any code exchange', async () => {
    app = await start();
    const noCookie = await consent(app, app.people.admin);
    const withoutCookie = await app.server.inject({ method: 'GET', url: noCookie.callback });
    expect(withoutCookie.statusCode).toBe(400);
    expect(withoutCookie.body).toContain('no longer valid');

    const forged = await consent(app, app.people.admin);
    const url = new URL(forged.callback, 'https://hikeshi.test');
    const fake = `${Buffer.from(JSON.stringify({ iat: Date.now(), nonce: 'x' })).toString('base64url')}.AAAA`;
    url.searchParams.set('state', fake);
    const forgedResponse = await finish(app, { cookie: `${COOKIE}=${fake}`, callback: url.pathname + url.search });
    expect(forgedResponse.statusCode).toBe(400);

    const late = await consent(app, app.people.admin);
    app.clock.advance(11 * 60_000);
    const expired = await finish(app, late);
    expect(expired.statusCode).toBe(400);
    expect(expired.body).toContain('Start again');

    const denied = await app.server.inject({ method: 'GET', url: '/slack/oauth_redirect?error=access_denied&state=x' });
    expect(denied.statusCode).toBe(200);
    expect(denied.body).toContain('Installation cancelled');

    expect(app.emulator.callsTo('oauth.v2.access')).toEqual([]);
    expect(await rows(app)).toEqual([]);
  });

  it('the status API shows the token mode, whose admin token it is and its scopes, never a token', async () => {
    app = await start();
    const beforeInstall = (await app.api('GET', '/api/v1/slack/status')).json();
    expect(beforeInstall).toMatchObject({
      configured: true,
      install: { available: true, path: '/slack/install', missing: [] },
      strategy: 'auto',
      mode: 'bot',
      guestsInvitable: false,
      missingAdminToken: true,
      bot: { source: 'environment' },
      admin: null,
      team: null,
    });

    await install(app, app.people.admin);
    const response = await app.api('GET', '/api/v1/slack/status');
    expect(response.statusCode).toBe(200);
    const status = response.json();
    expect(status).toMatchObject({
      mode: 'bot_and_admin',
      guestsInvitable: true,
      missingAdminToken: false,
      team: { id: 'T0001', name: 'Emulated Workspace' },
      admin: { source: 'installation', userId: app.people.admin, name: expect.any(String) },
      installedByUserId: app.people.admin,
    });
    expect(status.admin.scopes).toContain('channels:write.invites');
    expect(Date.parse(status.installedAt)).not.toBeNaN();
    expect(response.body).not.toMatch(/xox[bpa]-/);

    const viewer = (await createApiToken(app.deps, { name: 'viewer', role: 'viewer' }, SYSTEM_PRINCIPAL)).token;
    const forbidden = await app.server.inject({ method: 'GET', url: '/api/v1/slack/status', headers: { authorization: `Bearer ${viewer}` } });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ code: 'auth.forbidden' });
  });

  it('without HIKESHI_SECRET_KEY installs are refused with a page saying to set it', async () => {
    app = await start();
    const keyless = new SlackRuntime(app.database.db, app.runtime.env, undefined);
    const server = await buildServer(app.deps, { adminToken: ADMIN_TOKEN, secureCookies: false, logger: false, slack: keyless, mounts: [slackRoutes(app.deps, keyless)] });
    try {
      for (const url of ['/slack/install', '/slack/oauth_redirect?code=c&state=s']) {
        const response = await server.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(503);
        expect(response.body).toContain('HIKESHI_SECRET_KEY');
      }
      const status = await server.inject({ method: 'GET', url: '/api/v1/slack/status', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(status.json()).toMatchObject({ install: { available: false, missing: ['HIKESHI_SECRET_KEY'] } });
    } finally {
      await server.close();
    }
    expect(app.emulator.callsTo('oauth.v2.access')).toEqual([]);
  });
});
