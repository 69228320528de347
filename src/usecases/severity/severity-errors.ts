import type { PolicyProblem } from '../../domain/severity/read-policy.js';
import { HikeshiError } from '../../errors.js';

/** A severity policy refused as a whole (PUT, a dry run's draft): nothing was saved; `problems` lists every one. */
export class SeverityPolicyRefusedError extends HikeshiError {
  readonly code = 'severity.policy_invalid';
  constructor(readonly problems: readonly PolicyProblem[]) {
    const first = problems[0];
    const who = first?.ruleId ? ` (rule "${first.ruleId}")` : first?.example ? ` (example "${first.example}")` : '';
    super(
      `The severity policy is refused: ${problems.length} problem${problems.length === 1 ? '' : 's'}, the first at ${first?.path || 'the top'}${
        first?.line ? ` line ${first.line}` : ''
      }${who}: ${first?.message ?? ''}`,
    );
  }
}
