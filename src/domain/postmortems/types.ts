import type { LocalizedText } from '../runbooks/types.js';

export type { LocalizedText };

export const POSTMORTEM_STATUSES = ['draft', 'in_review', 'published'] as const;
export type PostmortemStatus = (typeof POSTMORTEM_STATUSES)[number];

/** Who did something and when (UTC ISO). */
export interface Mark {
  by: string;
  at: string;
}

/**
 * A section's text and where it came from. `generatedHash` is the hash of the text Hikeshi
 * last wrote there (null: never generated). When the text no longer has that hash, a
 * person edited it, and regeneration leaves it alone.
 */
export interface SectionContent {
  text: string;
  generatedHash: string | null;
}

export const ACTION_ITEM_STATUSES = ['open', 'done', 'wont-do'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/**
 * A follow-up: something to change so it does not happen again (or hurts less). It
 * belongs to the incident, not to the postmortem: a runbook may create one mid-incident.
 */
export interface ActionItem {
  id: string;
  incidentId: string;
  title: string;
  /** A user id. */
  ownerId: string | null;
  /** A calendar date, YYYY-MM-DD, in the team's time zone. */
  dueDate: string | null;
  status: ActionItemStatus;
  /** The ticket in the team's tracker. */
  externalUrl: string | null;
}

export interface Reviewer {
  userId: string;
  /** Set when the reviewer approves; cleared when the postmortem goes back to draft. */
  approvedAt: string | null;
}

export interface Postmortem {
  incidentId: string;
  status: PostmortemStatus;
  /** Section id → content, for the template's sections (and any a changed template dropped). */
  sections: Record<string, SectionContent>;
  ownerId: string | null;
  reviewers: Reviewer[];
  meetingAt: string | null;
  /** Someone read the generated timeline and corrected it. */
  timelineReviewed: Mark | null;
  /** The severity people agreed on after the fact. */
  severityConfirmed: (Mark & { severity: string }) | null;
  /** A person's statement of SLO / error-budget impact ("no SLO covers this service" counts). */
  sloImpactNote: string | null;
  generatedAt: string | null;
  publishedAt: string | null;
}
