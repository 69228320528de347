import type { Static } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import type { TLocalizedValidationError } from 'typebox/error';
import type { AlertEvent, IntegrationKind } from '../../domain/alerts/alert.js';
import { PayloadError } from '../../errors.js';
import { alertmanager } from './alertmanager.js';
import { datadog } from './datadog.js';
import { generic } from './generic.js';
import { grafana } from './grafana.js';
import { pagerduty, PagerDutyChangeEvent } from './pagerduty.js';
import type { AlertSource, ParseContext } from './source.js';
import { waroom } from './waroom.js';

/** Every payload format Hikeshi reads, by integration kind. */
export const ALERT_SOURCES: Record<IntegrationKind, AlertSource> = {
  generic,
  alertmanager,
  grafana,
  datadog,
  pagerduty,
  waroom,
} as Record<IntegrationKind, AlertSource>;

// Compiled once at load: a request only runs the generated check.
const validators = new Map<IntegrationKind, Validator>(
  Object.values(ALERT_SOURCES).map((source) => [source.kind, Compile(source.schema) as Validator]),
);

/**
 * Checks a parsed JSON body against its source's schema and maps it to alert events.
 * A misfit throws PayloadError naming the field the way the monitor wrote it
 * (`alerts[0].status`).
 */
export function parseAlertPayload(kind: IntegrationKind, body: unknown, context: ParseContext): AlertEvent[] {
  const source = ALERT_SOURCES[kind];
  const validator = validators.get(kind)!;
  if (!validator.Check(body)) {
    const explain = source.explainWith ? Compile(source.explainWith(body)) : validator;
    throw payloadError(explain.Errors(body));
  }
  const problem = source.check?.(body);
  if (problem) throw new PayloadError(problem.field, problem.reason);
  return source.toAlertEvents(body, context);
}

const changeValidator = Compile(PagerDutyChangeEvent);

/** A PagerDuty change event (`/v2/change/enqueue`), checked like an alert payload. */
export function parsePagerDutyChange(body: unknown): Static<typeof PagerDutyChangeEvent> {
  if (!changeValidator.Check(body)) throw payloadError(changeValidator.Errors(body));
  return body;
}

function payloadError(errors: TLocalizedValidationError[]): PayloadError {
  const error = errors[0];
  if (!error) return new PayloadError('body', 'does not fit the format');
  const path = error.instancePath
    .split('/')
    .filter(Boolean)
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment.replaceAll('~1', '/').replaceAll('~0', '~')}`))
    .join('')
    .replace(/^\./, '');
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const missing = (params.requiredProperties as string[] | undefined)?.[0];
    return new PayloadError([path, missing].filter(Boolean).join('.') || 'body', 'is required');
  }
  if (error.keyword === 'const') {
    // A union of literals reports each literal it is not: name them all.
    const allowed = errors
      .filter((other) => other.keyword === 'const' && other.instancePath === error.instancePath)
      .map((other) => String((other.params as { allowedValue: unknown }).allowedValue));
    return new PayloadError(path || 'body', allowed.length > 1 ? `must be one of ${allowed.join(', ')}` : `must be ${allowed[0]}`);
  }
  return new PayloadError(path || 'body', error.message);
}
