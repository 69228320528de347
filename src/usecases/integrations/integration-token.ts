import { createHash, randomBytes } from 'node:crypto';

/** A new integration token: `hki_` and 32 random bytes, URL-safe (it may sit in a URL path). */
export function newIntegrationToken(): string {
  return `hki_${randomBytes(32).toString('base64url')}`;
}

/** Only this is stored; a token is looked up by it. */
export function hashIntegrationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Enough to tell tokens apart in a list, never enough to use one. */
export function integrationTokenHint(token: string): string {
  return token.slice(-4);
}
