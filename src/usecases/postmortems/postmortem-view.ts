import { incidentReference, type Incident } from '../../domain/incidents/incident.js';
import { readiness as checkReadiness, type Readiness } from '../../domain/postmortems/checklist.js';
import { incidentDurations } from '../../domain/postmortems/durations.js';
import { isEdited } from '../../domain/postmortems/draft.js';
import type { IncidentSnapshot } from '../../domain/postmortems/snapshot.js';
import type { ActionItem, LocalizedText, Postmortem } from '../../domain/postmortems/types.js';
import type { Executor } from '../../store/database.js';
import { listActionItems } from '../../store/repositories/action-items.js';
import type { Deps } from '../deps.js';
import type { Ref } from '../incidents/incident-view.js';
import { actionItemView, type ActionItemView } from './action-item-view.js';
import { readIncidentSnapshot } from './incident-snapshot.js';
import { postmortemConfig, type PostmortemConfig } from './postmortem-config.js';

/** A postmortem with what it is read against: its incident, the incident's record, its follow-ups and the team's config. */
export interface PostmortemContext {
  incident: Incident;
  postmortem: Postmortem;
  actionItems: ActionItem[];
  snapshot: IncidentSnapshot;
  config: PostmortemConfig;
  readiness: Readiness;
}

export async function readPostmortemContext(tx: Executor, deps: Deps, incident: Incident, postmortem: Postmortem): Promise<PostmortemContext> {
  const actionItems = await listActionItems(tx, incident.id);
  const people = [postmortem.ownerId, ...postmortem.reviewers.map((r) => r.userId), postmortem.timelineReviewed?.by, postmortem.severityConfirmed?.by, ...actionItems.map((i) => i.ownerId)];
  const snapshot = await readIncidentSnapshot(tx, incident, deps.settings.fields, people.filter((id): id is string => !!id));
  const config = postmortemConfig(deps.settings);
  return { incident, postmortem, actionItems, snapshot, config, readiness: checkReadiness(config.checklist, { postmortem, actionItems, snapshot }) };
}

export interface PostmortemView {
  incidentId: string;
  incident: { id: string; reference: string; title: string; severity: string; status: string };
  status: Postmortem['status'];
  sections: Array<{ id: string; heading: LocalizedText; prompt: LocalizedText | null; generated: boolean; actionItems: boolean; text: string; edited: boolean }>;
  durations: Array<{ name: string; ms: number | null; reason: string | null }>;
  readiness: {
    percent: number;
    items: Array<{ id: string; label: LocalizedText; done: boolean }>;
    missing: Array<{ id: string; label: LocalizedText; reason: LocalizedText }>;
  };
  actionItems: ActionItemView[];
  owner: Ref | null;
  reviewers: Array<Ref & { approvedAt: string | null }>;
  meetingAt: string | null;
  timelineReviewed: boolean;
  /** Who marked the timeline reviewed, and when. */
  timelineReview: { by: Ref; at: string } | null;
  /** The confirmed severity is still the incident's: a later change of severity undoes the confirmation. */
  severityConfirmed: boolean;
  severityConfirmation: { severity: string; by: Ref; at: string } | null;
  /** Empty when nobody wrote one. */
  sloImpactNote: string;
  generatedAt: string | null;
  publishedAt: string | null;
}

export function presentPostmortem({ incident, postmortem, actionItems, snapshot, config, readiness }: PostmortemContext): PostmortemView {
  const ref = (id: string): Ref => ({ id, name: snapshot.people[id] ?? id });
  const listed = new Set(config.template.sections.map((s) => s.id));
  // Sections a changed template dropped still hold people's writing: shown after the template's.
  const dropped = Object.keys(postmortem.sections).filter((id) => !listed.has(id) && postmortem.sections[id]!.text.trim());
  return {
    incidentId: incident.id,
    incident: { id: incident.id, reference: incidentReference(incident.number), title: incident.title, severity: incident.severity, status: incident.status },
    status: postmortem.status,
    sections: [
      ...config.template.sections.map((s) => {
        const content = postmortem.sections[s.id] ?? { text: '', generatedHash: null };
        return {
          id: s.id,
          heading: s.heading,
          prompt: s.prompt ?? null,
          generated: s.generator !== undefined,
          actionItems: s.actionItems === true,
          text: content.text,
          edited: isEdited(content),
        };
      }),
      ...dropped.map((id) => ({ id, heading: { en: id }, prompt: null, generated: false, actionItems: false, text: postmortem.sections[id]!.text, edited: true })),
    ],
    durations: incidentDurations(snapshot).map((d) => ({ name: d.name, ms: d.ms, reason: d.reason })),
    readiness: {
      percent: readiness.percent,
      items: readiness.items.map((item) => ({ id: item.id, label: item.label, done: item.done })),
      missing: readiness.missing.map((item) => ({ id: item.id, label: item.label, reason: item.reason! })),
    },
    actionItems: actionItems.map((item) => actionItemView(item, snapshot.people)),
    owner: postmortem.ownerId ? ref(postmortem.ownerId) : null,
    reviewers: postmortem.reviewers.map((r) => ({ ...ref(r.userId), approvedAt: r.approvedAt })),
    meetingAt: postmortem.meetingAt,
    timelineReviewed: postmortem.timelineReviewed !== null,
    timelineReview: postmortem.timelineReviewed && { by: ref(postmortem.timelineReviewed.by), at: postmortem.timelineReviewed.at },
    severityConfirmed: postmortem.severityConfirmed?.severity === incident.severity,
    severityConfirmation: postmortem.severityConfirmed && {
      severity: postmortem.severityConfirmed.severity,
      by: ref(postmortem.severityConfirmed.by),
      at: postmortem.severityConfirmed.at,
    },
    sloImpactNote: postmortem.sloImpactNote ?? '',
    generatedAt: postmortem.generatedAt,
    publishedAt: postmortem.publishedAt,
  };
}
