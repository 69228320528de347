import type { Installation, OrgInstallation } from '@slack/oauth';
import type { Logger } from 'pino';
import type { SlackUserFacts } from '../../domain/slack/slack-user.js';
import type { SecretBox } from '../../security/secret-box.js';
import { completeSlackInstall, type SlackInstallGrant } from '../../usecases/slack-install/complete-install.js';
import type { Deps } from '../../usecases/deps.js';
import { callSlack } from '../client.js';
import type { SlackRuntime } from '../runtime.js';
import type { PageLang } from './messages.js';
import { refusedPage, successPage, type Page, type Revocation } from './pages.js';
import { tokenVault } from './token-vault.js';

/**
 * The install guard, run by InstallProvider's afterInstallation after the code exchange and
 * before anything is stored. It asks Slack who the installer is (fresh, not from the cache),
 * lets the use case decide and store, and on a refusal revokes the installer's fresh user
 * token unless Hikeshi already uses it. These Slack calls cannot be jobs: the answer page
 * depends on them, and a job payload would have to carry the token.
 */
export async function guardInstallation(
  deps: Deps,
  slack: SlackRuntime,
  box: SecretBox,
  installation: Installation | OrgInstallation,
  lang: PageLang,
  logger: Logger | undefined,
): Promise<Page> {
  const grant = grantOf(installation);
  const installer = await lookUpInstaller(slack, grant, logger);
  const outcome = await completeSlackInstall(deps, tokenVault(box), {
    grant,
    installer,
    environmentTokens: [slack.env.botToken, slack.env.userToken],
  });
  if (outcome.accepted) {
    logger?.info(
      { teamId: outcome.teamId, slackUserId: outcome.admin.userId, replacedSlackUserId: outcome.replacedAdminUserId },
      'Slack install accepted: the admin token is now this installer’s',
    );
    return successPage(lang, outcome);
  }

  let revocation: Revocation = grant.user.token ? 'kept' : 'none';
  const refusedToken = outcome.revoke;
  if (refusedToken) {
    try {
      await callSlack('auth.revoke', () => slack.client(refusedToken).auth.revoke({}));
      revocation = 'revoked';
    } catch (error) {
      revocation = 'failed';
      logger?.warn({ slackUserId: grant.user.id, err: (error as Error).message }, 'Could not revoke the refused installer’s user token');
    }
  }
  logger?.warn(
    { teamId: grant.teamId, slackUserId: grant.user.id, reason: outcome.refusal.reason, revocation },
    'Slack install refused; the working installation is unchanged',
  );
  return refusedPage(lang, outcome, revocation);
}

function grantOf(installation: Installation | OrgInstallation): SlackInstallGrant {
  const { bot, user } = installation;
  return {
    teamId: installation.team?.id ?? null,
    teamName: installation.team?.name ?? null,
    enterpriseInstall: installation.isEnterpriseInstall === true,
    appId: installation.appId ?? null,
    bot: bot?.token && bot.userId ? { token: bot.token, userId: bot.userId, scopes: bot.scopes ?? [] } : null,
    user: { id: user.id, token: user.token ?? null, scopes: user.scopes ?? [] },
  };
}

/** `users.info` of the installer, asked afresh (a demotion must count at once); null on failure. */
async function lookUpInstaller(slack: SlackRuntime, grant: SlackInstallGrant, logger: Logger | undefined): Promise<SlackUserFacts | null> {
  const token = grant.bot?.token ?? grant.user.token;
  if (!token) return null;
  slack.users.forget(grant.user.id);
  try {
    return await slack.users.lookup(slack.client(token), grant.user.id);
  } catch (error) {
    logger?.warn({ slackUserId: grant.user.id, err: (error as Error).message }, 'users.info failed for the installer');
    return null;
  }
}
