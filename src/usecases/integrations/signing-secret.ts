/** What a sealed signing secret is bound to: it opens only for its own integration. */
export function signingSecretContext(integrationId: string): string {
  return `integration:${integrationId}:hmac`;
}
