import { ValidationError } from '../../errors.js';
import { createPolicy, deletePolicy } from '../../usecases/paging/manage-policies.js';
import { PolicyInputSchema, type PolicyInput } from '../../usecases/paging/policy-input.js';
import { getPolicy, listPolicies } from '../../usecases/paging/read-policies.js';
import { SYSTEM_PRINCIPAL } from '../../usecases/principal.js';
import { defineCommand } from '../command.js';
import { readDataFile } from '../data-file.js';
import { clean, toJson } from '../output.js';
import { policyDetails, policyTable } from '../present/paging.js';
import { withDeps } from '../session.js';

const POLICY_NOTE = 'POLICY is an escalation policy name or id.';

export const escalationList = defineCommand({
  name: 'escalation list',
  summary: 'List escalation policies by name',
  options: {},
  async run({ json, io }) {
    const result = await withDeps((deps) => listPolicies(deps, { limit: 500 }, SYSTEM_PRINCIPAL));
    io.out(json ? toJson(result) : policyTable(result.items));
  },
});

export const escalationShow = defineCommand({
  name: 'escalation show',
  summary: "Show an escalation policy's levels",
  arguments: ['POLICY'],
  options: {},
  notes: [POLICY_NOTE],
  async run({ args, json, io }) {
    const policy = await withDeps((deps) => getPolicy(deps, args[0]!, SYSTEM_PRINCIPAL));
    io.out(json ? toJson(policy) : policyDetails(policy));
  },
});

export const escalationCreate = defineCommand({
  name: 'escalation create',
  summary: 'Create an escalation policy from a JSON or YAML file',
  options: {
    file: { type: 'string', required: true, placeholder: 'FILE', description: 'The policy: name, repeat, levels (as the API takes it)' },
  },
  notes: [
    'Example policy.json:',
    '  { "name": "Payments", "repeat": 1,',
    '    "levels": [ { "delayMinutes": 5,  "targets": [ { "type": "schedule", "id": "Payments primary" } ] },',
    '                { "delayMinutes": 15, "targets": [ { "type": "user", "id": "ann@example.com" },',
    '                                                   { "type": "webhook", "id": "ops-bridge" } ] } ] }',
    'Targets: user (id, email, Slack id or name), schedule or team (name or id), webhook (a name under',
    'paging.webhooks in the settings file).',
  ],
  async run({ options, json, io }) {
    const input = readDataFile<PolicyInput>(options.file!, PolicyInputSchema);
    const policy = await withDeps((deps) => createPolicy(deps, input, SYSTEM_PRINCIPAL)).catch((error: unknown) => {
      // Name the field as it is written in the file (`levels[1].targets[0].id`), not as a flag.
      throw error instanceof ValidationError ? new ValidationError('file', `${options.file}: ${error.field}: ${error.reason}`) : error;
    });
    io.out(json ? toJson(policy) : `Created escalation policy ${clean(policy.name)} (${policy.levels.length} ${policy.levels.length === 1 ? 'level' : 'levels'}), id ${policy.id}.\n`);
  },
});

export const escalationDelete = defineCommand({
  name: 'escalation delete',
  summary: 'Delete an escalation policy (refused while it has open pages)',
  arguments: ['POLICY'],
  options: {},
  notes: [POLICY_NOTE],
  async run({ args, json, io }) {
    await withDeps((deps) => deletePolicy(deps, args[0]!, SYSTEM_PRINCIPAL));
    io.out(json ? toJson({ deleted: args[0] }) : `Deleted escalation policy ${clean(args[0]!)}.\n`);
  },
});
