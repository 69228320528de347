import { describe, expect, it } from 'vitest';
import { approvePostmortem, POSTMORTEM_TRANSITIONS, PostmortemTransitionError, setReviewers, transitionPostmortem } from './lifecycle.js';
import { POSTMORTEM_STATUSES, type Postmortem, type PostmortemStatus } from './types.js';

const AT = new Date('2026-12-03T10:00:00Z');
const postmortem = (status: PostmortemStatus, reviewers: Postmortem['reviewers'] = [{ userId: 'u1', approvedAt: AT.toISOString() }]): Postmortem => ({
  incidentId: 'i1',
  status,
  sections: {},
  ownerId: 'u0',
  reviewers,
  meetingAt: null,
  timelineReviewed: null,
  severityConfirmed: null,
  sloImpactNote: null,
  generatedAt: null,
  publishedAt: null,
});

describe('transitionPostmortem', () => {
  const cases = POSTMORTEM_STATUSES.flatMap((from) =>
    POSTMORTEM_STATUSES.filter((to) => to !== from).map((to) => [from, to, POSTMORTEM_TRANSITIONS[from].includes(to)] as const),
  );

  it.each(cases)('%s → %s allowed: %s', (from, to, allowed) => {
    const move = () => transitionPostmortem(postmortem(from), to, AT);
    if (allowed) expect(move().status).toBe(to);
    else expect(move).toThrow(PostmortemTransitionError);
  });

  it('refuses review without a reviewer', () => {
    expect(() => transitionPostmortem(postmortem('draft', []), 'in_review', AT)).toThrow(
      'A postmortem cannot move from draft to in_review: add at least one reviewer first',
    );
  });

  it('refuses publishing until every reviewer approved, naming who is missing', () => {
    const waiting = postmortem('in_review', [{ userId: 'u1', approvedAt: AT.toISOString() }, { userId: 'u2', approvedAt: null }]);
    expect(() => transitionPostmortem(waiting, 'published', AT)).toThrow('waiting for the approval of u2');
  });

  it('publishing records when; published is final', () => {
    const published = transitionPostmortem(postmortem('in_review'), 'published', AT);
    expect(published.publishedAt).toBe(AT.toISOString());
    expect(() => transitionPostmortem(published, 'draft', AT)).toThrow('published is final');
  });

  it('back to draft clears approvals, since the text is about to change', () => {
    expect(transitionPostmortem(postmortem('in_review'), 'draft', AT).reviewers).toEqual([{ userId: 'u1', approvedAt: null }]);
  });

  it('carries the code adapters map to 409', () => {
    expect(() => transitionPostmortem(postmortem('draft'), 'published', AT)).toThrow(expect.objectContaining({ code: 'postmortem.invalid_transition' }));
  });
});

describe('reviewers', () => {
  it('approval is for reviewers of a postmortem in review, and keeps the first approval time', () => {
    const inReview = postmortem('in_review', [{ userId: 'u1', approvedAt: null }]);
    const approved = approvePostmortem(inReview, 'u1', AT);
    expect(approvePostmortem(approved, 'u1', new Date('2026-12-04T00:00:00Z')).reviewers[0]?.approvedAt).toBe(AT.toISOString());
    expect(() => approvePostmortem(inReview, 'u9', AT)).toThrow('reviewerId: u9 is not a reviewer of this postmortem');
    expect(() => approvePostmortem(postmortem('draft'), 'u1', AT)).toThrow(expect.objectContaining({ code: 'postmortem.not_in_review' }));
  });

  it('setting reviewers keeps the approvals of those kept and drops duplicates', () => {
    const changed = setReviewers(postmortem('in_review'), ['u1', 'u2', 'u2', ' ']);
    expect(changed.reviewers).toEqual([{ userId: 'u1', approvedAt: AT.toISOString() }, { userId: 'u2', approvedAt: null }]);
  });

  it('a published postmortem cannot be changed', () => {
    expect(() => setReviewers(postmortem('published'), ['u3'])).toThrow(expect.objectContaining({ code: 'postmortem.published' }));
  });
});
