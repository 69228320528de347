/**
 * A token the server answered on creation or rotation, kept in memory only until its
 * integration's page is left: it is never stored and a reload cannot show it again.
 */
const fresh = new Map<string, string>();

export function rememberFreshToken(integrationId: string, token: string): void {
  fresh.set(integrationId, token);
}

export function peekFreshToken(integrationId: string): string | undefined {
  return fresh.get(integrationId);
}

export function forgetFreshToken(integrationId: string): void {
  fresh.delete(integrationId);
}
