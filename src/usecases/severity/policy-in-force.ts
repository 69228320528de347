import type { SeverityPolicy } from '../../domain/severity/types.js';
import type { Executor } from '../../store/database.js';
import { findLatestPolicy, type StoredSeverityPolicy } from '../../store/repositories/severity.js';
import type { Deps } from '../deps.js';
import { readPolicyText } from './policy-context.js';

export interface PolicyInForce {
  stored: StoredSeverityPolicy;
  policy: SeverityPolicy;
}

/** Parsed policies by settings and stored id: a version's text never changes, so it is read once per process. */
const parsedBySettings = new WeakMap<Deps['settings'], Map<string, SeverityPolicy>>();
const PARSED_MAX = 20;

/**
 * The latest accepted policy, or undefined when none was ever accepted. A stored version the
 * current settings no longer accept (a custom field removed since) counts as none, and is logged.
 */
export async function policyInForce(tx: Executor, deps: Deps): Promise<PolicyInForce | undefined> {
  const stored = await findLatestPolicy(tx);
  if (!stored) return undefined;
  let parsed = parsedBySettings.get(deps.settings);
  if (!parsed) parsedBySettings.set(deps.settings, (parsed = new Map()));
  const cached = parsed.get(stored.id);
  if (cached) return { stored, policy: cached };
  const reading = readPolicyText(deps.settings, stored.text);
  if (!reading.policy) {
    deps.logger?.error({ version: stored.version, problems: reading.problems }, `severity policy version ${stored.version} no longer fits the settings; no policy applies`);
    return undefined;
  }
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(stored.id, reading.policy);
  return { stored, policy: reading.policy };
}
