import { useEffect, useState } from 'react';
import { pickText } from '../../../../src/domain/runbooks/text.js';
import {
  useApprovePostmortem,
  useCreatePostmortem,
  useIncident,
  usePostmortem,
  useRegeneratePostmortem,
  useTransitionPostmortem,
  useUpdatePostmortem,
  useUsers,
} from '../../api/queries.js';
import type { PostmortemSection, PostmortemStatus, PostmortemView, User } from '../../api/types.js';
import { SeverityBadge, StatusBadge } from '../../components/badges.js';
import { ErrorMessage } from '../../components/error-message.js';
import { ActionItems } from '../../components/postmortem/action-items.js';
import { DurationsCard } from '../../components/postmortem/durations-card.js';
import { ReadinessCard } from '../../components/postmortem/readiness-card.js';
import { ReviewCard } from '../../components/postmortem/review-card.js';
import { SectionEditor } from '../../components/postmortem/section-editor.js';
import { AbsoluteTime } from '../../components/time.js';
import { useI18n } from '../../i18n/index.js';
import { Link } from '../../lib/router.js';

/** The moves the status allows, as the buttons that make them. */
const MOVES: Record<PostmortemStatus, Array<{ to: PostmortemStatus; key: 'postmortem.toReview' | 'postmortem.publish' | 'postmortem.backToDraft' }>> = {
  draft: [{ to: 'in_review', key: 'postmortem.toReview' }],
  in_review: [
    { to: 'published', key: 'postmortem.publish' },
    { to: 'draft', key: 'postmortem.backToDraft' },
  ],
  published: [],
};

/** The template marks the section the action items table goes in. */
const holdsActionItems = (section: PostmortemSection) => section.actionItems;

export function PostmortemPage({ reference, user }: { reference: string; user: User }) {
  const { t } = useI18n();
  const incident = useIncident(reference);
  const postmortem = usePostmortem(reference);
  const create = useCreatePostmortem(reference);

  useEffect(() => {
    document.title = `${t('postmortem.title')} ${incident.data?.reference ?? reference} · Hikeshi`;
  }, [incident.data, reference, t]);

  const crumbs = (
    <nav className="breadcrumb no-print" aria-label="Breadcrumb">
      <Link to="/incidents">{t('incident.breadcrumb')}</Link>
      <span aria-hidden="true">/</span>
      <Link to={`/incidents/${encodeURIComponent(reference)}`}>{incident.data?.reference ?? reference}</Link>
      <span aria-hidden="true">/</span>
      <span aria-current="page">{t('postmortem.title')}</span>
    </nav>
  );

  if (postmortem.isPending || incident.isPending) return <div className="page page-loading">{t('app.loading')}</div>;
  if (postmortem.isError || incident.isError) {
    return (
      <div className="page">
        {crumbs}
        <ErrorMessage error={postmortem.error ?? incident.error} onRetry={() => void postmortem.refetch()} />
      </div>
    );
  }
  if (!postmortem.data) {
    return (
      <div className="page">
        {crumbs}
        <div className="empty-state" data-testid="pm-empty">
          <h1>{t('postmortem.noneTitle')}</h1>
          <p className="muted">{t('postmortem.noneBody')}</p>
          <ErrorMessage error={create.error} compact />
          <button type="button" className="btn btn-primary" disabled={create.isPending} onClick={() => create.mutate()} data-testid="pm-create">
            {create.isPending ? t('postmortem.creating') : t('postmortem.create')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="page postmortem-page" data-testid="postmortem-page" data-status={postmortem.data.status}>
      {crumbs}
      <PostmortemEditor reference={reference} postmortem={postmortem.data} user={user} />
    </div>
  );
}

function PostmortemEditor({ reference, postmortem, user }: { reference: string; postmortem: PostmortemView; user: User }) {
  const { t, lang, label } = useI18n();
  const users = useUsers();
  const update = useUpdatePostmortem(reference);
  const regenerate = useRegeneratePostmortem(reference);
  const transition = useTransitionPostmortem(reference);
  const approve = useApprovePostmortem(reference);
  // Section ids, so the message follows the language when it is switched while it shows.
  const [toast, setToast] = useState<{ refreshed: string[]; kept: string[] } | null>(null);
  const readOnly = postmortem.status === 'published' || user.role === 'viewer';
  const headingOf = (id: string) => {
    const section = postmortem.sections.find((s) => s.id === id);
    return section ? pickText(section.heading, lang) : id;
  };

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 8000);
    return () => clearTimeout(timer);
  }, [toast]);

  const onRegenerate = () =>
    regenerate.mutate(undefined, {
      onSuccess: (result) => setToast({ refreshed: result.refreshed ?? [], kept: result.kept ?? [] }),
    });
  const toastText = toast
    ? [
        toast.refreshed.length ? t('postmortem.refreshed', { sections: toast.refreshed.map(headingOf).join(t('postmortem.listSeparator')) }) : t('postmortem.nothingRefreshed'),
        toast.kept.length ? t('postmortem.kept', { sections: toast.kept.map(headingOf).join(t('postmortem.listSeparator')) }) : '',
      ]
        .filter(Boolean)
        .join(' ')
    : null;

  const myReview = postmortem.reviewers.find((r) => r.id === user.id);
  const { incident } = postmortem;
  return (
    <>
      <header className="pm-header">
        <div className="pm-header-main">
          <div className="incident-meta-line">
            <span className="ref ref-large">{incident.reference}</span>
            <StatusBadge status={incident.status} />
            <SeverityBadge severity={incident.severity} />
            <span className={`chip chip-pm-${postmortem.status}`} data-testid="pm-status">
              {label('pmStatus', postmortem.status)}
            </span>
          </div>
          <h1 className="pm-title">
            {t('postmortem.title')}: {incident.title}
          </h1>
          <p className="muted small">
            {postmortem.generatedAt ? (
              <>
                {t('postmortem.generatedAt')} <AbsoluteTime iso={postmortem.generatedAt} />
              </>
            ) : null}
            {postmortem.publishedAt ? (
              <>
                {' · '}
                {t('postmortem.publishedAt')} <AbsoluteTime iso={postmortem.publishedAt} />
              </>
            ) : null}
          </p>
        </div>
        <div className="pm-actions no-print">
          {!readOnly ? (
            <button type="button" className="btn" disabled={regenerate.isPending} onClick={onRegenerate} data-testid="pm-regenerate">
              {regenerate.isPending ? t('postmortem.regenerating') : t('postmortem.regenerate')}
            </button>
          ) : null}
          <a className="btn" href={`/api/v1/incidents/${encodeURIComponent(incident.reference)}/postmortem.md?lang=${lang}`} download={`${incident.reference}-postmortem.md`} data-testid="pm-export">
            {t('postmortem.export')}
          </a>
          <button type="button" className="btn" onClick={() => window.print()} data-testid="pm-print">
            {t('postmortem.print')}
          </button>
          {myReview && !myReview.approvedAt && postmortem.status === 'in_review' ? (
            <button type="button" className="btn" disabled={approve.isPending} onClick={() => approve.mutate()} data-testid="pm-approve">
              {t('postmortem.approve')}
            </button>
          ) : null}
          {user.role !== 'viewer'
            ? MOVES[postmortem.status].map((move) => (
                <button
                  key={move.to}
                  type="button"
                  className={move.to === 'draft' ? 'btn btn-ghost' : 'btn btn-primary'}
                  disabled={transition.isPending}
                  onClick={() => transition.mutate(move.to)}
                  data-testid={`pm-to-${move.to}`}
                >
                  {t(move.key)}
                </button>
              ))
            : null}
        </div>
      </header>

      {toast ? (
        <div className="toast no-print" role="status" data-testid="pm-toast">
          {toastText}
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setToast(null)} aria-label={t('postmortem.dismiss')}>
            ×
          </button>
        </div>
      ) : null}
      <ErrorMessage error={update.error ?? regenerate.error ?? transition.error ?? approve.error} compact />
      {postmortem.status === 'published' ? <div className="notice no-print">{t('postmortem.publishedNote')}</div> : null}

      <div className="pm-layout">
        <div className="pm-main">
          {postmortem.sections.map((section) =>
            holdsActionItems(section) ? (
              <ActionItems key={section.id} reference={reference} items={postmortem.actionItems} users={users.data ?? []} readOnly={readOnly} />
            ) : (
              <SectionEditor
                key={section.id}
                section={section}
                readOnly={readOnly}
                saving={update.isPending}
                onSave={(text) => update.mutate({ sections: { [section.id]: text } })}
              />
            ),
          )}
          {postmortem.sections.some(holdsActionItems) ? null : (
            <ActionItems reference={reference} items={postmortem.actionItems} users={users.data ?? []} readOnly={readOnly} />
          )}
        </div>
        <aside className="pm-side">
          <ReadinessCard readiness={postmortem.readiness} />
          <DurationsCard durations={postmortem.durations} />
          <ReviewCard postmortem={postmortem} users={users.data ?? []} readOnly={readOnly} onPatch={(patch) => update.mutate(patch)} />
        </aside>
      </div>
    </>
  );
}
