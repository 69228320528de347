import { useState, type ReactNode } from 'react';
import type { PostmortemPatch, PostmortemView, User } from '../../api/types.js';
import { useI18n } from '../../i18n/index.js';

function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A checkbox that shows the click at once and follows the server's answer when it comes. */
function FactCheckbox({ checked, disabled, onChange, testId, children }: { checked: boolean; disabled: boolean; onChange: (checked: boolean) => void; testId: string; children: ReactNode }) {
  const [shown, setShown] = useState(checked);
  const [seen, setSeen] = useState(checked);
  if (checked !== seen) {
    setSeen(checked);
    setShown(checked);
  }
  return (
    <label className="check-field">
      <input
        type="checkbox"
        checked={shown}
        disabled={disabled}
        onChange={(event) => {
          setShown(event.target.checked);
          onChange(event.target.checked);
        }}
        data-testid={testId}
      />
      <span>{children}</span>
    </label>
  );
}

/** Owner, reviewers and meeting; the confirmations the checklist asks of people. */
export function ReviewCard({
  postmortem,
  users,
  readOnly,
  onPatch,
}: {
  postmortem: PostmortemView;
  users: User[];
  readOnly: boolean;
  onPatch: (patch: PostmortemPatch) => void;
}) {
  const { t } = useI18n();
  const [slo, setSlo] = useState(postmortem.sloImpactNote ?? '');
  const [meeting, setMeeting] = useState(toLocalInput(postmortem.meetingAt));
  const reviewerIds = postmortem.reviewers.map((r) => r.id);
  const candidates = users.filter((u) => !reviewerIds.includes(u.id));

  return (
    <>
      <section className="card section" aria-labelledby="review-heading" data-testid="pm-review">
        <h2 id="review-heading" className="section-title">{t('postmortem.review')}</h2>
        <label className="field">
          <span className="field-label">{t('postmortem.owner')}</span>
          <select
            className="input"
            value={postmortem.owner?.id ?? ''}
            disabled={readOnly}
            onChange={(event) => onPatch({ ownerId: event.target.value || null })}
            data-testid="pm-owner"
          >
            <option value="">{t('postmortem.noOwner')}</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <span className="field-label">{t('postmortem.reviewers')}</span>
          <ul className="reviewer-list" data-testid="pm-reviewers">
            {postmortem.reviewers.map((reviewer) => (
              <li key={reviewer.id} className="reviewer">
                <span>{reviewer.name}</span>
                {reviewer.approvedAt ? <span className="chip chip-approved">{t('postmortem.approved')}</span> : null}
                {!readOnly ? (
                  <button
                    type="button"
                    className="btn btn-ghost btn-small no-print"
                    onClick={() => onPatch({ reviewers: reviewerIds.filter((id) => id !== reviewer.id) })}
                    aria-label={t('postmortem.removeReviewer', { name: reviewer.name })}
                  >
                    ×
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {!readOnly && candidates.length ? (
            <select className="input input-small no-print" value="" onChange={(event) => event.target.value && onPatch({ reviewers: [...reviewerIds, event.target.value] })} aria-label={t('postmortem.addReviewer')} data-testid="pm-add-reviewer">
              <option value="">{t('postmortem.addReviewer')}</option>
              {candidates.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </select>
          ) : null}
        </div>
        <label className="field">
          <span className="field-label">{t('postmortem.meeting')}</span>
          <input
            className="input"
            type="datetime-local"
            value={meeting}
            readOnly={readOnly}
            onChange={(event) => setMeeting(event.target.value)}
            onBlur={() => {
              const iso = meeting ? new Date(meeting).toISOString() : null;
              if (iso !== postmortem.meetingAt) onPatch({ meetingAt: iso });
            }}
            data-testid="pm-meeting"
          />
        </label>
      </section>

      <section className="card section" aria-labelledby="facts-heading" data-testid="pm-facts">
        <h2 id="facts-heading" className="section-title">{t('postmortem.confirmations')}</h2>
        <FactCheckbox checked={postmortem.timelineReviewed} disabled={readOnly} onChange={(timelineReviewed) => onPatch({ timelineReviewed })} testId="pm-timeline-reviewed">
          {t('postmortem.timelineReviewed')}
          {postmortem.timelineReview ? <span className="muted small check-by">{t('postmortem.by', { name: postmortem.timelineReview.by.name })}</span> : null}
        </FactCheckbox>
        <FactCheckbox checked={postmortem.severityConfirmed} disabled={readOnly} onChange={(severityConfirmed) => onPatch({ severityConfirmed })} testId="pm-severity-confirmed">
          {t('postmortem.severityConfirmed', { severity: postmortem.incident.severity })}
          {postmortem.severityConfirmation ? <span className="muted small check-by">{t('postmortem.by', { name: postmortem.severityConfirmation.by.name })}</span> : null}
        </FactCheckbox>
        <label className="field">
          <span className="field-label">{t('postmortem.sloNote')}</span>
          <textarea
            className="input"
            rows={3}
            value={slo}
            readOnly={readOnly}
            placeholder={t('postmortem.sloPlaceholder')}
            onChange={(event) => setSlo(event.target.value)}
            onBlur={() => {
              if (slo !== (postmortem.sloImpactNote ?? '')) onPatch({ sloImpactNote: slo });
            }}
            data-testid="pm-slo-note"
          />
        </label>
      </section>
    </>
  );
}
