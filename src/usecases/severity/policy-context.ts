import type { Settings } from '../../config/settings.js';
import type { PolicyContext } from '../../domain/severity/check-policy.js';
import { severityFactCatalog } from '../../domain/severity/fact-catalog.js';
import { readSeverityPolicy, type PolicyReading } from '../../domain/severity/read-policy.js';

const contexts = new WeakMap<Settings, PolicyContext>();

/** What a policy is read against: the settings' severities and the fact catalog of its custom fields. */
export function policyContext(settings: Settings): PolicyContext {
  let context = contexts.get(settings);
  if (!context) {
    context = { catalog: severityFactCatalog(settings.fields), severities: settings.severities };
    contexts.set(settings, context);
  }
  return context;
}

export function readPolicyText(settings: Settings, text: string, file?: string): PolicyReading {
  return readSeverityPolicy(text, { ...policyContext(settings), ...(file === undefined ? {} : { file }) });
}
