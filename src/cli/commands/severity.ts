import { Type } from 'typebox';
import { readEnvironment } from '../../config/env.js';
import { loadSettings } from '../../config/settings.js';
import { evaluateSeverity } from '../../domain/severity/evaluate.js';
import { formatPolicyProblem } from '../../domain/severity/read-policy.js';
import { ValidationError } from '../../errors.js';
import type { DryRun } from '../../usecases/severity/evaluate-facts.js';
import { evaluateSeverityFacts } from '../../usecases/severity/evaluate-facts.js';
import { readPolicyText } from '../../usecases/severity/policy-context.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { defineCommand } from '../command.js';
import { readDataFile, readTextFile } from '../data-file.js';
import { toJson } from '../output.js';
import { withDeps } from '../session.js';

const Facts = Type.Record(Type.String(), Type.Unknown());

export const severityCheck = defineCommand({
  name: 'severity check',
  summary: 'Check a severity policy file as the server would load it: every problem with its line, and each example',
  arguments: ['FILE'],
  options: {},
  notes: ['Exits 1 when the policy would be refused. Needs no database. Example: hikeshi severity check severity.yaml'],
  async run({ args, json, io }) {
    const file = args[0]!;
    const reading = readPolicyText(loadSettings(readEnvironment().settingsFile), readTextFile(file, 'file'), file);
    if (json) io.out(toJson({ ok: reading.policy !== undefined, problems: reading.problems, examples: reading.examples }));
    else {
      const lines = [
        ...reading.examples.map((example) => `${example.passed ? 'pass' : 'FAIL'}  ${example.name} (expects ${example.expected ?? 'none'}, gets ${example.actual ?? 'none'})`),
        ...reading.problems.map(formatPolicyProblem),
        reading.policy ? `${file}: ${reading.policy.rules.length} rules, ${reading.examples.length} examples passed` : `${file}: refused (${reading.problems.length} problems)`,
      ];
      io.out(`${lines.join('\n')}\n`);
    }
    return reading.policy ? undefined : 1;
  },
});

export const severityEval = defineCommand({
  name: 'severity eval',
  summary: 'Dry run: the severity a set of facts gets, with every matched rule and the facts that made it match',
  arguments: [],
  options: {
    facts: { type: 'string', placeholder: 'FILE', description: 'The facts as JSON or YAML: {"cs_inquiries": 60, "service": {"tier": 1}}' },
    policy: { type: 'string', placeholder: 'FILE', description: 'A policy file to use instead of the one in force (no database needed)' },
  },
  notes: ['Example: hikeshi severity eval --facts facts.json --policy severity.yaml'],
  async run({ options, json, io }) {
    if (!options.facts) throw new ValidationError('facts', 'is required: --facts FILE');
    const facts = readDataFile<Record<string, unknown>>(options.facts, Facts);
    const result = options.policy ? evaluateFile(options.policy, facts) : await withDeps((deps) => evaluateSeverityFacts(deps, { facts }, SYSTEM_PRINCIPAL));
    if (json) return io.out(toJson(result));
    const lines = [
      `Severity: ${result.severity ?? 'no opinion (no rule matches)'}`,
      ...result.matches.map((match) => `  ${match.severity}  ${match.ruleId}: ${match.reason.en}\n${match.evidence.map((e) => `        ${e.negated ? 'not ' : ''}${e.field} ${e.op} ${JSON.stringify(e.expected ?? null)} (is ${JSON.stringify(e.actual ?? null)})`).join('\n')}`),
    ];
    io.out(`${lines.join('\n')}\n`);
  },
});

function evaluateFile(file: string, facts: Record<string, unknown>): DryRun {
  const settings = loadSettings(readEnvironment().settingsFile);
  const reading = readPolicyText(settings, readTextFile(file, 'policy'), file);
  if (!reading.policy) throw new ValidationError('policy', reading.problems.map(formatPolicyProblem).join('; '));
  const result = evaluateSeverity(reading.policy, facts, settings.severities);
  return { severity: result.severity ?? null, matches: result.matches, policyVersion: null };
}
