import { decideInstall, type InstallRefusal } from '../../domain/slack/install-decision.js';
import type { SlackUserFacts } from '../../domain/slack/slack-user.js';
import { findInstallation, saveInstallation, type StoredInstallation } from '../../store/repositories/slack.js';
import type { Deps } from '../deps.js';

/** The tokens and facts of one OAuth v2 exchange (`oauth.v2.access`). */
export interface SlackInstallGrant {
  teamId: string | null;
  teamName: string | null;
  enterpriseInstall: boolean;
  appId: string | null;
  bot: { token: string; userId: string; scopes: string[] } | null;
  /** `authed_user`: the installer; `token` is present when user scopes were granted. */
  user: { id: string; token: string | null; scopes: string[] };
}

/**
 * Seals tokens at rest and opens them again, the way the Slack adapter reads them back
 * (AES-256-GCM, bound to the row they belong to).
 */
export interface TokenVault {
  sealBot(teamId: string, token: string): string;
  openBot(teamId: string, sealed: string): string;
  sealAdmin(teamId: string, userId: string, token: string): string;
  openAdmin(teamId: string, userId: string, sealed: string): string;
}

export type InstallOutcome =
  | {
      accepted: true;
      teamId: string;
      teamName: string;
      admin: { userId: string; name: string };
      /** The admin whose token this install replaced, when it was someone else. */
      replacedAdminUserId: string | null;
    }
  | {
      accepted: false;
      refusal: InstallRefusal;
      teamName: string | null;
      installer: { userId: string; name: string };
      /** The refused installer's fresh user token, to revoke; null when it is in use (or absent). */
      revoke: string | null;
    };

/**
 * Completes an install after the code exchange: decides whether the installer may replace the
 * working installation and, if so, stores the sealed bot and admin tokens in one transaction.
 * A refusal writes nothing. Revoking the refused token is the adapter's network call.
 */
export async function completeSlackInstall(
  deps: Deps,
  vault: TokenVault,
  input: {
    grant: SlackInstallGrant;
    /** `users.info` of the installer, fresh; null when Slack could not be asked. */
    installer: SlackUserFacts | null;
    /** Tokens from the environment (SLACK_BOT_TOKEN, SLACK_USER_TOKEN): in use, never revoked. */
    environmentTokens: readonly (string | undefined)[];
  },
): Promise<InstallOutcome> {
  const { grant, installer } = input;
  return deps.db.transaction().execute(async (tx) => {
    const current = await findInstallation(tx);
    const inUse = new Set([...input.environmentTokens, ...tokensOf(current, vault)].filter((t): t is string => Boolean(t)));
    const decision = decideInstall({
      grant: {
        teamId: grant.teamId,
        enterpriseInstall: grant.enterpriseInstall,
        installerId: grant.user.id,
        hasBotToken: grant.bot !== null,
        hasUserToken: grant.user.token !== null,
      },
      installer,
      installers: deps.settings.slack.installers,
      installedTeamId: current?.teamId ?? null,
      userTokenInUse: grant.user.token !== null && inUse.has(grant.user.token),
    });
    const installerName = installer?.id === grant.user.id ? installer.name : grant.user.id;
    if (!decision.accept) {
      return {
        accepted: false,
        refusal: decision.refusal,
        teamName: grant.teamName,
        installer: { userId: grant.user.id, name: installerName },
        revoke: decision.revokeUserToken ? grant.user.token : null,
      };
    }

    // decideInstall accepted: the team, the bot token and the user token are all there.
    const teamId = grant.teamId!;
    const bot = grant.bot!;
    const now = deps.clock.now().toISOString();
    const installation: StoredInstallation = {
      teamId,
      teamName: grant.teamName ?? teamId,
      appId: grant.appId,
      botUserId: bot.userId,
      botTokenSealed: vault.sealBot(teamId, bot.token),
      botScopes: bot.scopes,
      admin: {
        userId: grant.user.id,
        userName: installerName,
        tokenSealed: vault.sealAdmin(teamId, grant.user.id, grant.user.token!),
        scopes: grant.user.scopes,
        verifiedAt: now,
      },
      installedByUserId: grant.user.id,
      installedAt: now,
      updatedAt: now,
    };
    await saveInstallation(tx, installation);
    const previousAdmin = current?.admin?.userId ?? null;
    return {
      accepted: true,
      teamId,
      teamName: installation.teamName,
      admin: { userId: grant.user.id, name: installerName },
      replacedAdminUserId: previousAdmin !== null && previousAdmin !== grant.user.id ? previousAdmin : null,
    };
  });
}

/** The stored tokens in plain text, to recognise one Slack hands back; unreadable ones are skipped. */
function tokensOf(installation: StoredInstallation | undefined, vault: TokenVault): string[] {
  if (!installation) return [];
  const tokens: string[] = [];
  const attempt = (open: () => string) => {
    try {
      tokens.push(open());
    } catch {
      // Sealed under another HIKESHI_SECRET_KEY: not usable by Hikeshi either.
    }
  };
  attempt(() => vault.openBot(installation.teamId, installation.botTokenSealed));
  const { admin } = installation;
  if (admin) attempt(() => vault.openAdmin(installation.teamId, admin.userId, admin.tokenSealed));
  return tokens;
}
