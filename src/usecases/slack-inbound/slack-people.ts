import type { User } from '../../domain/catalog/user.js';
import { validEmail, validName, validSlackUserId, validTimeZone } from '../../domain/catalog/validate.js';
import { ConflictError, ForbiddenError, ValidationError } from '../../errors.js';
import { newId } from '../../ids.js';
import { findUserByEmail, findUserBySlackUserId, insertUser, updateUser } from '../../store/repositories/users.js';
import type { Deps } from '../deps.js';
import type { Principal } from '../principal.js';

/** What Slack's `users.info` says of a person, as much as Hikeshi keeps. */
export interface SlackProfile {
  slackUserId: string;
  name: string;
  /** Absent without the `users:read.email` scope, and for bots. */
  email: string | null;
  timeZone: string | null;
  isAdmin: boolean;
  isOwner: boolean;
  isRestricted: boolean;
  isUltraRestricted: boolean;
  isBot: boolean;
  deleted: boolean;
}

/** The Hikeshi identity of a Slack user already known, without asking Slack anything. */
export async function findSlackPrincipal(deps: Deps, slackUserId: string): Promise<Principal | undefined> {
  const user = await findUserBySlackUserId(deps.db, slackUserId);
  return user && principalOf(user);
}

/**
 * Makes a Slack user seen for the first time a Hikeshi user. Members and guests alike become
 * responders: Slack's admin and owner flags never grant Hikeshi admin. A Hikeshi user with
 * the same email and no Slack account yet is the same person, and is linked instead.
 */
export async function enrolSlackPerson(deps: Deps, profile: SlackProfile): Promise<Principal> {
  const slackUserId = validSlackUserId(profile.slackUserId);
  if (profile.deleted) throw new ForbiddenError(`The Slack account ${slackUserId} is deactivated.`);
  if (profile.isBot) throw new ForbiddenError(`The Slack account ${slackUserId} is a bot; only people act on incidents.`);
  const now = deps.clock.now().toISOString();
  const enrol = () =>
    deps.db.transaction().execute(async (tx) => {
      const known = await findUserBySlackUserId(tx, slackUserId);
      if (known) return known;
      const email = emailOf(profile);
      const holder = await findUserByEmail(tx, email);
      if (holder) {
        if (holder.slackUserId) {
          throw new ConflictError(
            `Your Slack email ${email} belongs to a Hikeshi user linked to another Slack account (${holder.slackUserId}); ask an admin to fix it.`,
            'user.email_taken',
          );
        }
        const { passwordHash: _, ...user } = holder;
        const linked: User = { ...user, slackUserId, updatedAt: now };
        await updateUser(tx, linked);
        return linked;
      }
      const user: User = {
        id: newId(),
        name: nameOf(profile),
        email,
        timeZone: timeZoneOf(profile),
        slackUserId,
        role: 'responder',
        createdAt: now,
        updatedAt: now,
      };
      await insertUser(tx, { ...user, passwordHash: null });
      return user;
    });
  try {
    return principalOf(await enrol());
  } catch (error) {
    // Two first requests of one person at once: the other one enrolled them.
    const winner = await findUserBySlackUserId(deps.db, slackUserId);
    if (winner) return principalOf(winner);
    throw error;
  }
}

export function principalOf(user: User): Principal {
  return { role: user.role, userId: user.id, actor: { type: 'user', id: user.id, name: user.name } };
}

function nameOf(profile: SlackProfile): string {
  try {
    return validName(profile.name);
  } catch {
    return profile.slackUserId;
  }
}

/** Without an email from Slack the person still gets an account, under an address that cannot receive mail. */
function emailOf(profile: SlackProfile): string {
  if (profile.email) {
    try {
      return validEmail(profile.email);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
    }
  }
  return `${profile.slackUserId.toLowerCase()}@slack.invalid`;
}

function timeZoneOf(profile: SlackProfile): string {
  if (!profile.timeZone) return 'UTC';
  try {
    return validTimeZone(profile.timeZone);
  } catch {
    return 'UTC';
  }
}
