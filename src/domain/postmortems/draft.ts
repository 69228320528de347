import { createHash } from 'node:crypto';
import { ValidationError } from '../../errors.js';
import { assertEditable } from './lifecycle.js';
import { type GenerateOptions, SECTION_GENERATORS } from './generate.js';
import type { IncidentSnapshot } from './snapshot.js';
import type { PostmortemTemplate } from './template.js';
import type { Postmortem, SectionContent } from './types.js';

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** A person wrote in the section: it has text Hikeshi did not generate (or generated, then changed). */
export function isEdited(section: SectionContent): boolean {
  return section.generatedHash === null ? section.text.trim() !== '' : textHash(section.text) !== section.generatedHash;
}

/** A new draft: generated sections filled from the incident, the others empty. */
export function createDraft(
  incidentId: string,
  template: PostmortemTemplate,
  snapshot: IncidentSnapshot,
  options: GenerateOptions,
  at: Date,
): Postmortem {
  const empty: Postmortem = {
    incidentId,
    status: 'draft',
    sections: {},
    ownerId: null,
    reviewers: [],
    meetingAt: null,
    timelineReviewed: null,
    severityConfirmed: null,
    sloImpactNote: null,
    generatedAt: null,
    publishedAt: null,
  };
  return regenerateDraft(empty, template, snapshot, options, at).postmortem;
}

export interface Regeneration {
  postmortem: Postmortem;
  /** Generated sections whose text was replaced with the incident's current record. */
  refreshed: string[];
  /** Generated sections a person edited: kept as written, though the incident's record changed. */
  keptEdited: string[];
}

/**
 * Regenerates what Hikeshi wrote, never what people wrote: a generated section is
 * refreshed only while its text is still exactly what was generated (or empty).
 * Sections a changed template no longer lists are kept, so no writing is lost.
 */
export function regenerateDraft(
  postmortem: Postmortem,
  template: PostmortemTemplate,
  snapshot: IncidentSnapshot,
  options: GenerateOptions,
  at: Date,
): Regeneration {
  assertEditable(postmortem);
  const sections: Record<string, SectionContent> = { ...postmortem.sections };
  const refreshed: string[] = [];
  const keptEdited: string[] = [];
  for (const section of template.sections) {
    const current = sections[section.id] ?? { text: '', generatedHash: null };
    if (!section.generator) {
      sections[section.id] = current;
      continue;
    }
    const text = SECTION_GENERATORS[section.generator](snapshot, options);
    if (isEdited(current)) {
      if (textHash(text) !== current.generatedHash) keptEdited.push(section.id);
      continue;
    }
    if (current.text !== text) refreshed.push(section.id);
    sections[section.id] = { text, generatedHash: textHash(text) };
  }
  return { postmortem: { ...postmortem, sections, generatedAt: at.toISOString() }, refreshed, keptEdited };
}

export const SECTION_MAX = 50_000;

/** A person's edit of a section; the generated hash stays, so the edit is recognised as one. */
export function editSection(postmortem: Postmortem, template: PostmortemTemplate, sectionId: string, text: string): Postmortem {
  assertEditable(postmortem);
  if (!template.sections.some((s) => s.id === sectionId) && !Object.hasOwn(postmortem.sections, sectionId)) {
    throw new ValidationError('section', `unknown section "${sectionId}" (sections: ${template.sections.map((s) => s.id).join(', ')})`);
  }
  if ([...text].length > SECTION_MAX) throw new ValidationError(`sections.${sectionId}`, `must be at most ${SECTION_MAX} characters`);
  const current = postmortem.sections[sectionId] ?? { text: '', generatedHash: null };
  return { ...postmortem, sections: { ...postmortem.sections, [sectionId]: { ...current, text } } };
}
