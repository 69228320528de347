import { DEFAULT_FIELDS } from '../../src/domain/fields/defaults.js';
import { evaluateSeverity } from '../../src/domain/severity/evaluate.js';
import { severityFactCatalog } from '../../src/domain/severity/fact-catalog.js';
import { readSeverityPolicy } from '../../src/domain/severity/read-policy.js';

export const SEVERITY_INCIDENTS = 10_000;
export const SEVERITY_RULES = 50;
const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

export interface SeverityBenchResult {
  rules: number;
  incidents: number;
  /** Reading the generated policy (YAML, checks, examples). */
  readMs: number;
  totalMs: number;
  perIncidentUs: number;
  /** Incidents that got a severity (a sanity check: the facts do match rules). */
  matched: number;
}

/** A 50-rule policy mixing thresholds, booleans, label equality, `in`, `not` and an RE2 `matches`. */
function generatedPolicy(): string {
  const rules: string[] = [];
  for (let i = 0; i < SEVERITY_RULES; i++) {
    const severity = SEVERITIES[i % 3]!;
    const when = [
      `{ field: cs_inquiries, op: gte, value: ${10 + i * 7} }`,
      `{ all: [{ field: affected_users, op: gte, value: ${100 * (i + 1)} }, { field: service.tier, op: lte, value: ${(i % 3) + 1} }] }`,
      `{ any: [{ field: personal_data_exposed, op: eq, value: true }, { field: alert.labels.team, op: in, value: [t${i}, t${i + 1}, t${i + 2}] }] }`,
      `{ all: [{ field: alert.annotations.summary, op: matches, value: "(?i)checkout|payment-${i}" }, { not: { field: alert.labels.maintenance, op: exists } }] }`,
      `{ field: slo.state, op: eq, value: ${i % 2 ? 'page' : 'ticket'} }`,
    ][i % 5];
    rules.push(`  - id: rule-${i}\n    severity: ${severity}\n    reason: { en: "Rule ${i}", ja: "ルール ${i}" }\n    when: ${when}`);
  }
  return `version: 1\nrules:\n${rules.join('\n')}\nexamples:\n  - name: nothing\n    facts: {}\n    expect: none\n`;
}

function incidentFacts(i: number): Record<string, unknown> {
  return {
    cs_inquiries: (i * 13) % 400,
    affected_users: (i * 97) % 6000,
    personal_data_exposed: i % 97 === 0,
    incident: { severity: SEVERITIES[i % 4], status: 'investigating', title: `Incident ${i}` },
    service: { tier: (i % 3) + 1, names: [`svc-${i % 40}`] },
    alert: { count: 1, severity: 'critical', labels: { team: `t${i % 60}`, 'k8s.io/app': 'api' }, annotations: { summary: i % 5 ? 'Checkout latency high' : 'disk full' } },
    slo: { state: ['ok', 'ticket', 'page'][i % 3] },
  };
}

/** Pure and in-process: every incident's facts against every rule, evidence collected as in production. */
export function measureSeverity(): SeverityBenchResult {
  const readStarted = performance.now();
  const reading = readSeverityPolicy(generatedPolicy(), { catalog: severityFactCatalog(DEFAULT_FIELDS), severities: SEVERITIES });
  const readMs = performance.now() - readStarted;
  if (!reading.policy) throw new Error(`generated policy refused: ${JSON.stringify(reading.problems[0])}`);
  const facts = Array.from({ length: SEVERITY_INCIDENTS }, (_, i) => incidentFacts(i));
  for (let i = 0; i < 500; i++) evaluateSeverity(reading.policy, facts[i]!, SEVERITIES); // warm-up
  let matched = 0;
  const started = performance.now();
  for (const incident of facts) if (evaluateSeverity(reading.policy, incident, SEVERITIES).severity) matched++;
  const totalMs = performance.now() - started;
  return { rules: reading.policy.rules.length, incidents: facts.length, readMs, totalMs, perIncidentUs: (totalMs * 1000) / facts.length, matched };
}

export function printSeverity(result: SeverityBenchResult): void {
  console.log(`\nSeverity evaluation (pure, in-process; ${result.rules}-rule generated policy)`);
  console.log(`  ${result.incidents.toLocaleString('en')} incidents in ${result.totalMs.toFixed(1)} ms = ${result.perIncidentUs.toFixed(1)} µs per incident (${result.matched} got a severity); reading the policy: ${result.readMs.toFixed(1)} ms`);
}
