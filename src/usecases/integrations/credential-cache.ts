import type { Db } from '../../store/database.js';
import type { Integration } from '../../store/repositories/integrations.js';

/** An authenticated integration, with its Grafana signing secret opened. */
export interface KnownIntegration {
  integration: Integration;
  signingSecret: string | null;
}

const TTL_MS = 5_000;

/**
 * Integrations by token hash, kept a few seconds so that a burst of alerts does not look
 * the integration up per request. Rotating, changing or deleting an integration in this
 * process forgets it at once; another instance sees the change within the TTL.
 */
export class CredentialCache {
  private readonly byHash = new Map<string, { known: KnownIntegration; until: number }>();

  get(tokenHash: string): KnownIntegration | undefined {
    const entry = this.byHash.get(tokenHash);
    if (!entry) return undefined;
    if (entry.until < performance.now()) {
      this.byHash.delete(tokenHash);
      return undefined;
    }
    return entry.known;
  }

  set(tokenHash: string, known: KnownIntegration): void {
    this.byHash.set(tokenHash, { known, until: performance.now() + TTL_MS });
  }

  forget(integrationId: string): void {
    for (const [hash, entry] of this.byHash) {
      if (entry.known.integration.id === integrationId) this.byHash.delete(hash);
    }
  }
}

const caches = new WeakMap<Db, CredentialCache>();

/** The cache of one database (one per app; tests run several apps in one process). */
export function credentialCache(db: Db): CredentialCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new CredentialCache();
    caches.set(db, cache);
  }
  return cache;
}
