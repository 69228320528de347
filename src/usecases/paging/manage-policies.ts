import { validatePolicy, type EscalationPolicy } from '../../domain/escalation/policy.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { Executor } from '../../store/database.js';
import {
  deletePolicy as removePolicy,
  getPolicyForUpdate,
  insertPolicy,
  updatePolicy as savePolicy,
} from '../../store/repositories/escalation-policies.js';
import { countOpenPagesForPolicy } from '../../store/repositories/pages.js';
import { findTeamsByIdOrName } from '../../store/repositories/teams.js';
import { insertUnique } from '../catalog/unique-name.js';
import type { Deps } from '../deps.js';
import { authorize, type Principal } from '../principal.js';
import type { PolicyInput } from './policy-input.js';
import { targetLookup } from './policy-targets.js';
import { findPolicy } from './read-policies.js';

const nameTaken = (name: string) => `An escalation policy named "${name}" already exists`;

export async function createPolicy(deps: Deps, input: PolicyInput, principal: Principal): Promise<EscalationPolicy> {
  authorize(principal, 'admin');
  return deps.db.transaction().execute(async (tx) => {
    const now = deps.clock.now().toISOString();
    const policy: EscalationPolicy = { id: newId(), ...(await validInput(tx, deps, input)), createdAt: now, updatedAt: now };
    await insertUnique(() => insertPolicy(tx, policy), nameTaken(policy.name));
    return policy;
  });
}

/** Replaces the policy; pages already under way keep the levels they started with. */
export async function updatePolicy(deps: Deps, key: string, input: PolicyInput, principal: Principal): Promise<EscalationPolicy> {
  authorize(principal, 'admin');
  return deps.db.transaction().execute(async (tx) => {
    const current = await getPolicyForUpdate(tx, (await findPolicy(tx, key)).id);
    const policy: EscalationPolicy = { ...current, ...(await validInput(tx, deps, input)), updatedAt: deps.clock.now().toISOString() };
    await insertUnique(() => savePolicy(tx, policy), nameTaken(policy.name));
    return policy;
  });
}

/** Refused while a page escalating through it is open: resolve those pages first. */
export async function deletePolicy(deps: Deps, key: string, principal: Principal): Promise<void> {
  authorize(principal, 'admin');
  await deps.db.transaction().execute(async (tx) => {
    const { id, name } = await getPolicyForUpdate(tx, (await findPolicy(tx, key)).id);
    const open = await countOpenPagesForPolicy(tx, id);
    if (open > 0) {
      throw new ConflictError(`The escalation policy "${name}" has ${open} open ${open === 1 ? 'page' : 'pages'}; resolve ${open === 1 ? 'it' : 'them'} first.`, 'escalation.policy_in_use');
    }
    if (!(await removePolicy(tx, id))) throw new NotFoundError('escalation policy', key);
  });
}

async function validInput(tx: Executor, deps: Deps, input: PolicyInput) {
  const lookup = await targetLookup(tx, deps.settings, input.levels.flatMap((level) => level.targets));
  const valid = validatePolicy(input, lookup);
  return { ...valid, teamId: await teamId(tx, input.teamId) };
}

async function teamId(tx: Executor, key: string | null | undefined): Promise<string | null> {
  if (key === undefined || key === null) return null;
  const teams = await findTeamsByIdOrName(tx, [key]);
  const team = teams.find((t) => t.id === key) ?? teams.find((t) => t.name === key);
  if (!team) throw new ValidationError('teamId', `unknown team "${key}"`);
  return team.id;
}
