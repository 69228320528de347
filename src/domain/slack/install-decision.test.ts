import { describe, expect, it } from 'vitest';
import { decideInstall, type InstallDecision, type InstallGrantFacts } from './install-decision.js';
import type { SlackUserFacts } from './slack-user.js';

const person = (id: string, flags: Partial<SlackUserFacts> = {}): SlackUserFacts => ({
  id,
  name: id,
  isAdmin: false,
  isOwner: false,
  isBot: false,
  isRestricted: false,
  isUltraRestricted: false,
  deleted: false,
  ...flags,
});

const grant = (installerId: string, over: Partial<InstallGrantFacts> = {}): InstallGrantFacts => ({
  teamId: 'T1',
  enterpriseInstall: false,
  installerId,
  hasBotToken: true,
  hasUserToken: true,
  ...over,
});

const admin = person('UADMIN', { isAdmin: true });
const owner = person('UOWNER', { isOwner: true, isAdmin: true });
const member = person('UMEMBER');
const refused = (refusal: object, revokeUserToken = true): InstallDecision => ({ accept: false, refusal, revokeUserToken } as InstallDecision);

describe('decideInstall', () => {
  it.each<[string, Parameters<typeof decideInstall>[0], InstallDecision]>([
    ['an admin installs the first time', { grant: grant('UADMIN'), installer: admin, installers: [], installedTeamId: null, userTokenInUse: false }, { accept: true }],
    ['an owner re-installs over the working installation', { grant: grant('UOWNER'), installer: owner, installers: [], installedTeamId: 'T1', userTokenInUse: false }, { accept: true }],
    ['a member re-installs: refused, and only their fresh user token is revoked', { grant: grant('UMEMBER'), installer: member, installers: [], installedTeamId: 'T1', userTokenInUse: false }, refused({ reason: 'not_admin', kind: 'member' })],
    ['a demoted admin re-installs with the token Hikeshi uses: refused, that token is kept', { grant: grant('UADMIN'), installer: person('UADMIN'), installers: [], installedTeamId: 'T1', userTokenInUse: true }, refused({ reason: 'not_admin', kind: 'member' }, false)],
    ['a multi-channel guest flagged admin is still not an admin', { grant: grant('UG'), installer: person('UG', { isAdmin: true, isRestricted: true }), installers: [], installedTeamId: null, userTokenInUse: false }, refused({ reason: 'not_admin', kind: 'multi_channel_guest' })],
    ['a deactivated owner is not an admin', { grant: grant('UOLD'), installer: person('UOLD', { isOwner: true, deleted: true }), installers: [], installedTeamId: null, userTokenInUse: false }, refused({ reason: 'not_admin', kind: 'deactivated' })],
    ['an admin who is not the configured service account', { grant: grant('UADMIN'), installer: admin, installers: ['USERVICE'], installedTeamId: 'T1', userTokenInUse: false }, refused({ reason: 'not_an_installer' })],
    ['the configured service account must still be an admin', { grant: grant('USERVICE'), installer: person('USERVICE'), installers: ['USERVICE'], installedTeamId: 'T1', userTokenInUse: false }, refused({ reason: 'not_admin', kind: 'member' })],
    ['the configured service account, an admin, installs', { grant: grant('USERVICE'), installer: person('USERVICE', { isAdmin: true }), installers: ['USERVICE'], installedTeamId: 'T1', userTokenInUse: false }, { accept: true }],
    ['users.info could not be asked: refused, not assumed', { grant: grant('UADMIN'), installer: null, installers: [], installedTeamId: 'T1', userTokenInUse: false }, refused({ reason: 'unverified' })],
    ['users.info answered for someone else', { grant: grant('UADMIN'), installer: member, installers: [], installedTeamId: 'T1', userTokenInUse: false }, refused({ reason: 'unverified' })],
    ['an admin of another workspace cannot take Hikeshi over', { grant: grant('UADMIN', { teamId: 'T2' }), installer: admin, installers: [], installedTeamId: 'T1', userTokenInUse: false }, refused({ reason: 'other_workspace', installedTeamId: 'T1' })],
    ['an org-wide install has no single workspace', { grant: grant('UADMIN', { teamId: null, enterpriseInstall: true }), installer: admin, installers: [], installedTeamId: null, userTokenInUse: false }, refused({ reason: 'org_install' })],
    ['user scopes were not granted: nothing to revoke', { grant: grant('UADMIN', { hasUserToken: false }), installer: admin, installers: [], installedTeamId: null, userTokenInUse: false }, refused({ reason: 'missing_token', token: 'user' }, false)],
    ['no bot token came back', { grant: grant('UADMIN', { hasBotToken: false }), installer: admin, installers: [], installedTeamId: null, userTokenInUse: false }, refused({ reason: 'missing_token', token: 'bot' })],
  ])('%s', (_title, input, want) => {
    expect(decideInstall(input)).toEqual(want);
  });
});
