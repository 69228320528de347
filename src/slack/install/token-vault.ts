import type { SecretBox } from '../../security/secret-box.js';
import type { TokenVault } from '../../usecases/slack-install/complete-install.js';
import { sealContext } from '../credentials.js';

/** Seals tokens exactly as SlackCredentials opens them: the context binds each to its row. */
export function tokenVault(box: SecretBox): TokenVault {
  return {
    sealBot: (teamId, token) => box.seal(token, sealContext.bot(teamId)),
    openBot: (teamId, sealed) => box.open(sealed, sealContext.bot(teamId)),
    sealAdmin: (teamId, userId, token) => box.seal(token, sealContext.admin(teamId, userId)),
    openAdmin: (teamId, userId, sealed) => box.open(sealed, sealContext.admin(teamId, userId)),
  };
}
