import type { RotaSource } from '../../../store/repositories/rota-sources.js';
import type { Deps } from '../../deps.js';

/** A published sheet's address is a credential: sealed at rest when the server has a secret key. */
export function storeSourceUrl(deps: Deps, sourceId: string, url: string): Pick<RotaSource, 'url' | 'urlStorage'> {
  return deps.secretBox ? { url: deps.secretBox.seal(url, sealContext(sourceId)), urlStorage: 'sealed' } : { url, urlStorage: 'plain' };
}

/** The address to fetch, or undefined when it was sealed with a key this process does not have. */
export function openSourceUrl(deps: Deps, source: Pick<RotaSource, 'id' | 'url' | 'urlStorage'>): string | undefined {
  if (source.urlStorage === 'plain') return source.url;
  if (!deps.secretBox) return undefined;
  try {
    return deps.secretBox.open(source.url, sealContext(source.id));
  } catch {
    return undefined;
  }
}

function sealContext(sourceId: string): string {
  return `rota-source:${sourceId}:url`;
}
