import { ErrorCode as WebApiErrorCode } from '@slack/web-api';
import { ErrorCode, InstallProvider, LogLevel, type CodedError, type InstallURLOptions, type Logger as SlackLogger } from '@slack/oauth';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { SecretBox } from '../../security/secret-box.js';
import type { Deps } from '../../usecases/deps.js';
import type { SlackRuntime } from '../runtime.js';
import { guardInstallation } from './guard.js';
import { pickLang, type PageLang } from './messages.js';
import { failurePage, INSTALL_PATH, installPage, setPageHeaders, unavailablePage, writePage, type FailureKind } from './pages.js';
import { BOT_SCOPES, USER_SCOPES } from './scopes.js';
import { SignedStateStore, STATE_TTL_SECONDS } from './state-store.js';

export const REDIRECT_PATH = '/slack/oauth_redirect';

/**
 * OAuth v2 install, as in Bolt: GET /slack/install is open and shows what is asked and who
 * may install; GET /slack/oauth_redirect verifies the state against the browser's cookie,
 * exchanges the code (through SLACK_API_URL when set) and hands the result to the install
 * guard, which alone decides what is stored.
 */
export function registerSlackInstall(app: FastifyInstance, deps: Deps, slack: SlackRuntime): void {
  const logger = slack.logger ?? deps.logger;
  const { clientId, clientSecret, stateSecret, apiUrl } = slack.env;
  const missing = [
    ...(clientId ? [] : ['SLACK_CLIENT_ID']),
    ...(clientSecret ? [] : ['SLACK_CLIENT_SECRET']),
    ...(stateSecret ? [] : ['SLACK_STATE_SECRET']),
    ...(slack.box ? [] : ['HIKESHI_SECRET_KEY']),
  ];

  const installOptions: InstallURLOptions = { scopes: [...BOT_SCOPES], userScopes: [...USER_SCOPES] };
  const providers = new Map<PageLang, InstallProvider>();
  const provider = (lang: PageLang): InstallProvider => {
    let existing = providers.get(lang);
    if (!existing) {
      existing = new InstallProvider({
        clientId: clientId!,
        clientSecret: clientSecret!,
        stateStore: new SignedStateStore(stateSecret!, deps.clock, installOptions),
        stateCookieName: 'hikeshi_slack_oauth_state',
        stateCookieExpirationSeconds: STATE_TTL_SECONDS,
        installUrlOptions: installOptions,
        authorizationUrl: authorizeUrlFor(apiUrl),
        renderHtmlForInstallPath: (url) => installPage(lang, url, deps.settings.slack.installers.length > 0),
        // The exchange honours SLACK_API_URL; no hidden retries (a code works once).
        clientOptions: { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: 10_000 },
        logger: slackLogger(logger),
      });
      providers.set(lang, existing);
    }
    return existing;
  };

  const tags = ['slack'];
  app.get(INSTALL_PATH, { schema: { tags, summary: 'Start installing Hikeshi in Slack (OAuth v2, bot and user scopes); an HTML page' } }, async (request, reply) => {
    const lang = pickLang(request.headers['accept-language']);
    reply.hijack();
    if (missing.length > 0) return writePage(reply.raw, unavailablePage(lang, missing));
    setPageHeaders(reply.raw);
    try {
      await provider(lang).handleInstallPath(request.raw, reply.raw);
    } catch (error) {
      logger?.error({ err: error }, 'Slack install page failed');
      writePage(reply.raw, failurePage(lang, 'other'));
    }
  });

  app.get(REDIRECT_PATH, { schema: { tags, summary: 'Slack’s OAuth v2 redirect: the install guard decides; an HTML page' } }, async (request, reply) => {
    const lang = pickLang(request.headers['accept-language']);
    reply.hijack();
    if (missing.length > 0 || !slack.box) return writePage(reply.raw, unavailablePage(lang, missing));
    const box: SecretBox = slack.box;
    try {
      await provider(lang).handleCallback(request.raw, reply.raw, {
        afterInstallation: async (installation, _options, _req, res) => {
          writePage(res, await guardInstallation(deps, slack, box, installation, lang, logger));
          // The guard has stored what it accepted; InstallProvider must store nothing itself.
          return false;
        },
        failureAsync: async (error, _options, _req, res) => {
          const kind = failureKind(error);
          if (kind === 'other') logger?.error({ err: error }, 'Slack install failed');
          writePage(res, failurePage(lang, kind, slackErrorOf(error)));
        },
      });
    } catch (error) {
      logger?.error({ err: error }, 'Slack install failed');
      writePage(reply.raw, failurePage(lang, 'other'));
    }
  });
}

/** Slack's consent page sits beside its Web API: `…/api/` → `…/oauth/v2/authorize`. */
export function authorizeUrlFor(apiUrl: string | undefined): string {
  if (!apiUrl) return 'https://slack.com/oauth/v2/authorize';
  return new URL('../oauth/v2/authorize', apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`).toString();
}

function failureKind(error: CodedError): FailureKind {
  switch (error.code) {
    case ErrorCode.MissingStateError:
    case ErrorCode.InvalidStateError:
    case ErrorCode.MissingCodeError:
      return 'state';
    case ErrorCode.AuthorizationError:
      return 'cancelled';
    case WebApiErrorCode.PlatformError:
      return 'slack';
    default:
      return 'other';
  }
}

function slackErrorOf(error: CodedError): string | undefined {
  return (error as CodedError & { data?: { error?: string } }).data?.error;
}

/** @slack/oauth logs through this: warnings and errors reach Hikeshi's log, never the tokens. */
function slackLogger(logger: Logger | undefined): SlackLogger {
  let level = LogLevel.WARN;
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  return {
    debug: () => undefined,
    info: () => undefined,
    // Its errors are mostly stale or foreign install links; real failures are logged by the routes.
    warn: (...args) => logger?.warn({ component: 'slack-oauth' }, text(args)),
    error: (...args) => logger?.warn({ component: 'slack-oauth' }, text(args)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
