import { ConflictError, ValidationError } from '../../errors.js';
import type { Postmortem, PostmortemStatus } from './types.js';

/** Draft → in review → published; a review can send it back to draft. Published is final. */
export const POSTMORTEM_TRANSITIONS: Record<PostmortemStatus, readonly PostmortemStatus[]> = {
  draft: ['in_review'],
  in_review: ['draft', 'published'],
  published: [],
};

export class PostmortemTransitionError extends ConflictError {
  constructor(
    readonly from: PostmortemStatus,
    readonly to: PostmortemStatus,
    reason: string,
  ) {
    super(`A postmortem cannot move from ${from} to ${to}: ${reason}`, 'postmortem.invalid_transition');
  }
}

/**
 * Moves a postmortem to another status or says why not. To review it needs a reviewer;
 * to be published every reviewer must have approved. Back to draft clears approvals,
 * because what they approved is about to change.
 */
export function transitionPostmortem(postmortem: Postmortem, to: PostmortemStatus, at: Date): Postmortem {
  const from = postmortem.status;
  if (!POSTMORTEM_TRANSITIONS[from].includes(to)) {
    const allowed = POSTMORTEM_TRANSITIONS[from];
    throw new PostmortemTransitionError(from, to, allowed.length ? `from ${from} it can move to ${allowed.join(', ')}` : `${from} is final`);
  }
  if (to === 'in_review' && postmortem.reviewers.length === 0) throw new PostmortemTransitionError(from, to, 'add at least one reviewer first');
  if (to === 'published') {
    const waiting = postmortem.reviewers.filter((r) => r.approvedAt === null).map((r) => r.userId);
    if (waiting.length) throw new PostmortemTransitionError(from, to, `waiting for the approval of ${waiting.join(', ')}`);
    return { ...postmortem, status: to, publishedAt: at.toISOString() };
  }
  if (to === 'draft') return { ...postmortem, status: to, reviewers: postmortem.reviewers.map((r) => ({ ...r, approvedAt: null })) };
  return { ...postmortem, status: to };
}

/** A reviewer approves the postmortem under review. */
export function approvePostmortem(postmortem: Postmortem, reviewerId: string, at: Date): Postmortem {
  if (postmortem.status !== 'in_review') throw new ConflictError(`Only a postmortem in review can be approved (this one is ${postmortem.status}).`, 'postmortem.not_in_review');
  if (!postmortem.reviewers.some((r) => r.userId === reviewerId)) throw new ValidationError('reviewerId', `${reviewerId} is not a reviewer of this postmortem`);
  return { ...postmortem, reviewers: postmortem.reviewers.map((r) => (r.userId === reviewerId ? { ...r, approvedAt: r.approvedAt ?? at.toISOString() } : r)) };
}

/** Sets who reviews; those kept keep their approval. */
export function setReviewers(postmortem: Postmortem, userIds: readonly string[]): Postmortem {
  assertEditable(postmortem);
  const ids = [...new Set(userIds.map((id) => id.trim()).filter(Boolean))];
  return { ...postmortem, reviewers: ids.map((userId) => postmortem.reviewers.find((r) => r.userId === userId) ?? { userId, approvedAt: null }) };
}

/** A published postmortem is the record; it is not edited any more. */
export function assertEditable(postmortem: Postmortem): void {
  if (postmortem.status === 'published') throw new ConflictError('This postmortem is published and can no longer be changed.', 'postmortem.published');
}
