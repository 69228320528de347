import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { stringify } from 'yaml';
import { ApiError } from '../../api/client.js';
import { useDeleteRunbook, useMeta, useRunbook, useSaveRunbook } from '../../api/queries.js';
import type { RunbookProblemView, User } from '../../api/types.js';
import { ErrorMessage } from '../../components/error-message.js';
import { CodeEditor, type CodeEditorHandle } from '../../components/runbooks/code-editor.js';
import { RunbookOutline } from '../../components/runbooks/runbook-outline.js';
import { useI18n } from '../../i18n/index.js';
import { Link, navigate, useLocation } from '../../lib/router.js';
import { checkRunbookText, type EditorCheck } from '../../lib/runbook-validation.js';

const STARTER = `id: my-runbook
title:
  en: My runbook
  ja: 私のランブック
triggers:
  - severity: SEV2
steps:
  - id: impact
    type: ask
    question:
      en: How many users are affected?
      ja: 影響を受けているユーザー数は？
    answer: number
    validation: { required: true, min: 0 }

  - id: notify
    type: task
    text:
      en: Tell customer support what is happening.
      ja: カスタマーサポートに状況を伝える。
`;

/** How long typing must pause before the text is checked again. */
const CHECK_DELAY_MS = 200;

export function RunbookEditorPage({ id, user }: { id: string | null; user: User }) {
  const { t } = useI18n();
  const runbook = useRunbook(id);
  const meta = useMeta();
  const save = useSaveRunbook();
  const remove = useDeleteRunbook();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const editor = useRef<CodeEditorHandle>(null);
  const [text, setText] = useState<string | null>(id === null ? STARTER : null);
  const [checked, setChecked] = useState<{ text: string; check: EditorCheck } | null>(null);
  // The text last saved; a save under a new id arrives here again with ?saved.
  const [savedText, setSavedText] = useState<string | null>(null);
  const justCreated = useLocation().search.has('saved');

  useEffect(() => {
    document.title = `${id === null ? t('runbook.newTitle') : t('runbook.editTitle')} · Hikeshi`;
  }, [id, t]);

  // The stored text arrives once; after that the editor owns it.
  const loaded = runbook.data;
  useEffect(() => {
    if (loaded && text === null) setText(loaded.yaml ?? stringify(loaded.definition));
  }, [loaded, text]);

  const severities = meta.data?.severities;
  const fields = meta.data?.fields;
  const deferred = useDeferredValue(text);
  useEffect(() => {
    if (deferred === null || !severities || !fields) return;
    const timer = setTimeout(() => setChecked({ text: deferred, check: checkRunbookText(deferred, severities, fields) }), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [deferred, severities, fields]);

  // A syntax error leaves the outline as it last was, so it does not flicker while typing.
  const [outlineDocument, setOutlineDocument] = useState<unknown>(undefined);
  useEffect(() => {
    if (checked?.check.document !== undefined) setOutlineDocument(checked.check.document);
  }, [checked]);

  const serverProblems = save.error instanceof ApiError && Array.isArray(save.error.problem.problems) ? (save.error.problem.problems as RunbookProblemView[]) : null;
  const problems: RunbookProblemView[] = checked?.check.problems ?? [];
  const errors = problems.filter((p) => p.level === 'error');
  const marks = useMemo(() => {
    const map = new Map<number, 'error' | 'warning'>();
    for (const problem of problems) if (problem.line && map.get(problem.line) !== 'error') map.set(problem.line, problem.level);
    return map;
  }, [problems]);

  if (id !== null && runbook.isPending) return <div className="page page-loading">{t('app.loading')}</div>;
  if (id !== null && !loaded) {
    return (
      <div className="page">
        <BackLink />
        <ErrorMessage error={runbook.error} onRetry={() => void runbook.refetch()} />
      </div>
    );
  }

  const fromFile = loaded?.source === 'file';
  const readOnly = fromFile || user.role !== 'admin';
  const current = text ?? '';
  const upToDate = checked?.text === current;
  const definition = upToDate ? checked?.check.runbook : undefined;
  const canSave = !readOnly && !!definition && !save.isPending;

  const onSave = () => {
    if (!definition) return;
    save.mutate(
      { id: definition.id, yaml: current },
      {
        onSuccess: (saved) => {
          setSavedText(current);
          if (saved.id !== id) navigate(`/runbooks/${encodeURIComponent(saved.id)}/edit?saved`, { replace: true });
        },
      },
    );
  };

  return (
    <div className="page runbook-editor-page" data-testid="runbook-editor">
      <BackLink />
      <div className="page-header">
        <div className="page-header-stacked">
          <h1>{id === null ? t('runbook.newTitle') : t('runbook.editTitle')}</h1>
          <p className="muted">{id === null ? t('runbook.newSubtitle') : <code>{id}</code>}</p>
        </div>
        <div className="form-actions">
          {!save.isPending && (current === savedText || (justCreated && current === loaded?.yaml)) ? (
            <span className="saved-note" role="status" data-testid="runbook-saved">
              {t('runbook.saved')}
            </span>
          ) : null}
          {!readOnly && loaded?.source === 'api' ? (
            confirmingDelete ? (
              <>
                <span className="muted small">{t('runbook.deleteConfirm')}</span>
                <button
                  type="button"
                  className="btn btn-danger-ghost"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(loaded.id, { onSuccess: () => navigate('/runbooks') })}
                  data-testid="runbook-delete-confirm"
                >
                  {t('runbook.delete')}
                </button>
                <button type="button" className="btn btn-ghost" onClick={() => setConfirmingDelete(false)}>
                  {t('run.cancel')}
                </button>
              </>
            ) : (
              <button type="button" className="btn btn-ghost" onClick={() => setConfirmingDelete(true)} data-testid="runbook-delete">
                {t('runbook.delete')}
              </button>
            )
          ) : null}
          {!readOnly ? (
            <button type="button" className="btn btn-primary" disabled={!canSave} onClick={onSave} data-testid="runbook-save">
              {save.isPending ? t('runbook.saving') : t('runbook.save')}
            </button>
          ) : null}
        </div>
      </div>

      {fromFile ? (
        <div className="notice" data-testid="runbook-readonly">
          {t('runbook.fromFile', { file: loaded?.file ?? '' })}
        </div>
      ) : user.role !== 'admin' ? (
        <div className="notice">{t('runbook.adminOnly')}</div>
      ) : null}
      {save.error && !serverProblems ? <ErrorMessage error={save.error} /> : null}
      <ErrorMessage error={remove.error} />
      <ErrorMessage error={meta.error} onRetry={() => void meta.refetch()} />

      <div className="runbook-editor-layout">
        <section className="card runbook-editor-code" aria-label={t('runbook.yaml')}>
          <CodeEditor ref={editor} value={current} onChange={setText} readOnly={readOnly} marks={marks} label={t('runbook.yaml')} />
          <p className="muted small runbook-format-hint">
            {t('runbook.formatHint')}
          </p>
        </section>

        <div className="runbook-editor-side">
          <section className="card section" aria-labelledby="problems-heading" data-testid="runbook-problems">
            <div className="section-header">
              <h2 id="problems-heading">{t('runbook.problems')}</h2>
              <ValidityBadge checking={!upToDate} errors={errors.length} warnings={problems.length - errors.length} />
            </div>
            {serverProblems ? <ProblemList problems={serverProblems} onJump={(line) => editor.current?.jumpTo(line)} /> : null}
            {problems.length ? (
              <ProblemList problems={problems} onJump={(line) => editor.current?.jumpTo(line)} />
            ) : upToDate ? (
              <p className="muted small" data-testid="runbook-valid">
                {t('runbook.noProblems')}
              </p>
            ) : null}
          </section>

          <section className="card section" aria-labelledby="outline-heading">
            <div className="section-header">
              <h2 id="outline-heading">{t('runbook.outline')}</h2>
            </div>
            <RunbookOutline document={outlineDocument} />
          </section>
        </div>
      </div>
    </div>
  );
}

function BackLink() {
  const { t } = useI18n();
  return (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      <Link to="/runbooks">{t('runbook.listTitle')}</Link>
    </nav>
  );
}

function ValidityBadge({ checking, errors, warnings }: { checking: boolean; errors: number; warnings: number }) {
  const { t } = useI18n();
  if (checking) return <span className="badge validity validity-checking">{t('runbook.checking')}</span>;
  if (errors) return <span className="badge validity validity-error" data-testid="runbook-validity" data-valid="false">{errors === 1 ? t('runbook.oneError') : t('runbook.errorCount', { count: errors })}</span>;
  return (
    <span className="badge validity validity-ok" data-testid="runbook-validity" data-valid="true">
      {warnings ? t('runbook.validWithWarnings', { count: warnings }) : t('runbook.valid')}
    </span>
  );
}

function ProblemList({ problems, onJump }: { problems: RunbookProblemView[]; onJump: (line: number) => void }) {
  const { t } = useI18n();
  return (
    <ul className="problem-list">
      {problems.map((problem, index) => (
        <li key={`${index}-${problem.path}-${problem.message}`} className={`problem problem-${problem.level}`} data-testid="runbook-problem" data-line={problem.line} data-level={problem.level}>
          {problem.line ? (
            <button type="button" className="problem-line" onClick={() => onJump(problem.line!)} data-testid="problem-jump" title={t('runbook.jumpTo', { line: problem.line })}>
              {t('runbook.line', { line: problem.line })}
            </button>
          ) : (
            <span className="problem-line problem-line-none">—</span>
          )}
          <div className="problem-body">
            {problem.path ? <code className="problem-path">{problem.path}</code> : null}
            <span className="problem-message" lang="en">
              {problem.level === 'warning' ? `${t('runbook.warning')}: ` : ''}
              {problem.message}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
