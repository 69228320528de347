import { classifySlackUser, isWorkspaceAdmin, type SlackUserFacts, type SlackUserKind } from './slack-user.js';

/** What an OAuth v2 exchange handed back, without the tokens themselves. */
export interface InstallGrantFacts {
  /** null on an org-wide (Enterprise Grid) install, which has no single team. */
  teamId: string | null;
  enterpriseInstall: boolean;
  /** `authed_user.id`: the person who clicked Allow. */
  installerId: string;
  hasBotToken: boolean;
  hasUserToken: boolean;
}

export type InstallRefusal =
  | { reason: 'org_install' }
  | { reason: 'other_workspace'; installedTeamId: string }
  | { reason: 'missing_token'; token: 'bot' | 'user' }
  | { reason: 'not_an_installer' }
  | { reason: 'unverified' }
  | { reason: 'not_admin'; kind: SlackUserKind };

export type RefusalReason = InstallRefusal['reason'];

export type InstallDecision =
  | { accept: true }
  | {
      accept: false;
      refusal: InstallRefusal;
      /**
       * Revoke the user token Slack just issued to the refused installer, unless Hikeshi
       * already uses it (Slack hands a re-installing user the token they already hold). The
       * bot token is never revoked: on a re-install it is the one in use.
       */
      revokeUserToken: boolean;
    };

/**
 * Whether an install may replace the working one. Only a workspace owner or admin (and, when
 * `installers` is set, only one of those Slack users) may install: their user token is the
 * admin token Hikeshi invites guests with, and a member's token would silently weaken it.
 */
export function decideInstall(input: {
  grant: InstallGrantFacts;
  /** The installer per `users.info`; null when Slack could not be asked. */
  installer: SlackUserFacts | null;
  installers: readonly string[];
  /** The team of the working installation, if any: Hikeshi serves one workspace. */
  installedTeamId: string | null;
  userTokenInUse: boolean;
}): InstallDecision {
  const refusal = refusalOf(input);
  if (!refusal) return { accept: true };
  return { accept: false, refusal, revokeUserToken: input.grant.hasUserToken && !input.userTokenInUse };
}

function refusalOf({ grant, installer, installers, installedTeamId }: Parameters<typeof decideInstall>[0]): InstallRefusal | null {
  if (grant.enterpriseInstall || grant.teamId === null) return { reason: 'org_install' };
  if (installedTeamId !== null && installedTeamId !== grant.teamId) return { reason: 'other_workspace', installedTeamId };
  if (!grant.hasBotToken) return { reason: 'missing_token', token: 'bot' };
  if (!grant.hasUserToken) return { reason: 'missing_token', token: 'user' };
  if (installers.length > 0 && !installers.includes(grant.installerId)) return { reason: 'not_an_installer' };
  if (!installer || installer.id !== grant.installerId) return { reason: 'unverified' };
  if (!isWorkspaceAdmin(installer)) return { reason: 'not_admin', kind: classifySlackUser(installer) };
  return null;
}
