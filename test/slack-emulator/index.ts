/**
 * A Slack Web API emulator for tests: a real HTTP server speaking Slack's wire format, so that
 * `new WebClient(token, { slackApiUrl: emulator.url })` (and Bolt's `clientOptions`) work unchanged.
 * See README.md for the rules it enforces and the error names it chose.
 */
import type { AddressInfo } from 'node:net';
import type { OAuthClient } from './oauth.js';
import { FailureQueue, TierLimiter, type Failure, type RateLimitOptions } from './rate-limits.js';
import { createEmulatorServer, type CallRecord } from './server.js';
import { Workspace, type OAuthCodeOptions } from './workspace.js';

export type { CallRecord } from './server.js';
export type { Failure, RateLimitOptions } from './rate-limits.js';
export type { OAuthClient } from './oauth.js';
export type * from './model.js';
export type { AddChannelOptions, AddMessageOptions, AddUserOptions, AddUsergroupOptions, OAuthCodeOptions } from './workspace.js';
export { Workspace } from './workspace.js';

export interface SlackEmulatorOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  latencyMs?: number;
  rateLimits?: RateLimitOptions;
  /** OAuth client credentials to enforce (none by default: any client_id/secret is accepted). */
  oauth?: OAuthClient;
  /** Clock in ms (default Date.now): message ts, `created`, trigger expiry, rate-limit windows. */
  now?: () => number;
  /** The app's bot user name (default `hikeshi`). */
  botName?: string;
  /** Whether the workspace has Slack's `USLACKBOT` user, as real ones do (default true). */
  slackbot?: boolean;
}

export interface SlackEmulator {
  /** Web API base URL with trailing slash, e.g. `http://127.0.0.1:PORT/api/` (WebClient's `slackApiUrl`). */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `http://127.0.0.1:PORT/oauth/v2/authorize` (InstallProvider's `authorizationUrl`). */
  authorizeUrl: string;
  workspace: Workspace;
  /** Every call, in order: method, token kind, acting user, args, HTTP status and answer. */
  calls: CallRecord[];
  callsTo(method: string): CallRecord[];
  /** The next `times` (default 1) calls of `method` (`'*'` = any method) fail this way. */
  failNext(method: string, failure: Failure, times?: number): void;
  clearFailures(): void;
  /** Delay every answer by `ms`. */
  setLatency(ms: number): void;
  /** Switch automatic per-method tier limits on or off. */
  setRateLimits(options: RateLimitOptions): void;
  registerOAuthCode(code: string, grant: OAuthCodeOptions): void;
  close(): Promise<void>;
}

export async function startSlackEmulator(options: SlackEmulatorOptions = {}): Promise<SlackEmulator> {
  const now = options.now ?? Date.now;
  const workspace = new Workspace(now, { botName: options.botName, slackbot: options.slackbot });
  const failures = new FailureQueue();
  const limiter = new TierLimiter(now);
  if (options.rateLimits) limiter.configure(options.rateLimits);
  const calls: CallRecord[] = [];
  let latency = options.latencyMs ?? 0;
  const server = createEmulatorServer({
    ws: workspace,
    failures,
    limiter,
    calls,
    latencyMs: () => latency,
    oauth: options.oauth ?? {},
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    url: `${origin}/api/`,
    origin,
    authorizeUrl: `${origin}/oauth/v2/authorize`,
    workspace,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext: (method, failure, times = 1) => failures.add(method, failure, times),
    clearFailures: () => failures.clear(),
    setLatency: (ms) => {
      latency = ms;
    },
    setRateLimits: (rateLimits) => limiter.configure(rateLimits),
    registerOAuthCode: (code, grant) => workspace.registerOAuthCode(code, grant),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
