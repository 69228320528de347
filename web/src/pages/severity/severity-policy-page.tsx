import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useMeta } from '../../api/queries.js';
import { useSavePolicy, useSeverityPolicy, type PolicyProblem } from '../../api/severity.js';
import type { User } from '../../api/types.js';
import { AlertsTabs } from '../../components/alerts/alerts-tabs.js';
import { ErrorMessage } from '../../components/error-message.js';
import { CodeEditor, type CodeEditorHandle } from '../../components/runbooks/code-editor.js';
import { ExampleList } from '../../components/severity/example-list.js';
import { PolicyProblems } from '../../components/severity/policy-problems.js';
import { TryFacts } from '../../components/severity/try-facts.js';
import { useI18n } from '../../i18n/index.js';
import { checkSeverityText, type SeverityEditorCheck } from '../../lib/severity-check.js';
import { policyLines } from '../../lib/severity-lines.js';
import '../../styles/alerts.css';

/** How long typing must pause before the text is checked again. */
const CHECK_DELAY_MS = 200;

/** Where a first policy starts when none was ever accepted. */
const STARTER = `version: 1
rules:
  - id: many-inquiries
    severity: SEV2
    reason:
      en: 50 or more customer inquiries
      ja: 問い合わせが 50 件以上
    when: { field: cs_inquiries, op: gte, value: 50 }
examples:
  - name: 50 inquiries make it SEV2
    facts: { cs_inquiries: 50 }
    expect: SEV2
`;

/** No policy was ever accepted (no file, nothing saved): the editor starts a first one. */
function noPolicyYet(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** A 422 from Save carries every problem; anything else is shown as an error. */
function savedProblems(error: unknown): PolicyProblem[] | null {
  return error instanceof ApiError && Array.isArray(error.problem.problems) ? (error.problem.problems as PolicyProblem[]) : null;
}

export function SeverityPolicyPage({ user }: { user: User }) {
  const { t } = useI18n();
  const policy = useSeverityPolicy();
  const save = useSavePolicy();
  const editor = useRef<CodeEditorHandle>(null);
  const meta = useMeta();
  const [text, setText] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ text: string; check: SeverityEditorCheck } | null>(null);

  useEffect(() => {
    document.title = `${t('severityPolicy.title')} · Hikeshi`;
  }, [t]);

  // The policy in force arrives once; after that the editor owns the text.
  useEffect(() => {
    if (text !== null) return;
    if (policy.data) setText(policy.data.text);
    else if (noPolicyYet(policy.error)) setText(STARTER);
  }, [policy.data, policy.error, text]);

  const severities = meta.data?.severities;
  const fields = meta.data?.fields;
  const deferred = useDeferredValue(text);
  useEffect(() => {
    if (deferred === null || !severities || !fields) return;
    const timer = setTimeout(() => setChecked({ text: deferred, check: checkSeverityText(deferred, fields, severities) }), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [deferred, severities, fields]);

  const current = text ?? '';
  const upToDate = checked?.text === current;
  const result = checked?.check;
  const problems = result?.problems ?? [];
  const lines = useMemo(() => policyLines(checked?.text ?? ''), [checked?.text]);
  const failing = (result?.examples ?? []).filter((e) => !e.passed);
  const marks = useMemo(() => {
    const map = new Map<number, 'error' | 'warning'>();
    for (const problem of problems) if (problem.line) map.set(problem.line, 'error');
    for (const example of failing) {
      const line = lines.examples.get(example.name);
      if (line) map.set(line, 'error');
    }
    return map;
  }, [problems, failing, lines]);

  if (policy.isPending) return <div className="page page-loading">{t('app.loading')}</div>;
  if (!policy.data && !noPolicyYet(policy.error)) {
    return (
      <div className="page">
        <ErrorMessage error={policy.error} onRetry={() => void policy.refetch()} />
      </div>
    );
  }

  const inForce = policy.data ?? null;
  const readOnly = user.role !== 'admin';
  const valid = upToDate && !!result?.ok;
  const errorCount = problems.length || failing.length || 1;
  const unchanged = current === inForce?.text;
  const serverProblems = savedProblems(save.error);
  const jumpToRule = (ruleId: string) => {
    const line = lines.rules.get(ruleId);
    if (line) editor.current?.jumpTo(line);
  };

  return (
    <div className="page runbook-editor-page severity-editor-page" data-testid="severity-editor">
      <div className="page-header">
        <div className="page-header-stacked">
          <h1>{t('severityPolicy.title')}</h1>
          <p className="muted" data-testid="severity-in-force" data-version={inForce?.version ?? 0} data-source={inForce?.source}>
            {inForce ? t(inForce.source === 'file' ? 'severityPolicy.inForceFile' : 'severityPolicy.inForceApi', { version: inForce.version }) : t('severityPolicy.none')}
          </p>
        </div>
        {!readOnly ? (
          <div className="form-actions">
            {save.isSuccess && unchanged ? (
              <span className="saved-note" role="status" data-testid="severity-saved">
                {t('severityPolicy.saved', { version: inForce?.version ?? 0 })}
              </span>
            ) : null}
            <button type="button" className="btn btn-primary" disabled={!valid || unchanged || save.isPending} onClick={() => save.mutate(current)} data-testid="severity-save">
              {save.isPending ? t('runbook.saving') : t('severityPolicy.save')}
            </button>
          </div>
        ) : null}
      </div>
      <AlertsTabs active="severity" />
      {readOnly ? <div className="notice">{t('severityPolicy.adminOnly')}</div> : inForce?.source === 'file' ? <div className="notice">{t('severityPolicy.fileNote')}</div> : null}
      {save.error && !serverProblems ? <ErrorMessage error={save.error} /> : null}
      <ErrorMessage error={meta.error} onRetry={() => void meta.refetch()} />

      <div className="runbook-editor-layout">
        <section className="card runbook-editor-code" aria-label={t('severityPolicy.yaml')}>
          <CodeEditor ref={editor} value={current} onChange={setText} readOnly={readOnly} marks={marks} label={t('severityPolicy.yaml')} testId="severity-yaml" />
          <p className="muted small runbook-format-hint">{t('severityPolicy.formatHint')}</p>
        </section>

        <div className="runbook-editor-side">
          <section className="card section" aria-labelledby="severity-problems-heading" data-testid="severity-problems">
            <div className="section-header">
              <h2 id="severity-problems-heading">{t('runbook.problems')}</h2>
              {!upToDate ? (
                <span className="badge validity validity-checking">{t('runbook.checking')}</span>
              ) : result?.ok ? (
                <span className="badge validity validity-ok" data-testid="severity-validity" data-valid="true">
                  {t('runbook.valid')}
                </span>
              ) : (
                <span className="badge validity validity-error" data-testid="severity-validity" data-valid="false">
                  {errorCount === 1 ? t('runbook.oneError') : t('runbook.errorCount', { count: errorCount })}
                </span>
              )}
            </div>
            {serverProblems ? <PolicyProblems problems={serverProblems} onJump={(line) => editor.current?.jumpTo(line)} /> : null}
            {problems.length ? (
              <PolicyProblems problems={problems} onJump={(line) => editor.current?.jumpTo(line)} />
            ) : upToDate ? (
              <p className="muted small">{t('runbook.noProblems')}</p>
            ) : null}
          </section>

          <section className="card section" aria-labelledby="severity-examples-heading" data-testid="severity-examples">
            <div className="section-header">
              <h2 id="severity-examples-heading">{t('severityPolicy.examples')}</h2>
              {result?.examples.length ? (
                <span className={`badge validity ${failing.length ? 'validity-error' : 'validity-ok'}`} data-testid="severity-examples-summary">
                  {t('severityPolicy.examplesPassed', { passed: result.examples.length - failing.length, total: result.examples.length })}
                </span>
              ) : null}
            </div>
            <ExampleList examples={result?.examples ?? []} lines={lines.examples} onJump={(line) => editor.current?.jumpTo(line)} onJumpToRule={jumpToRule} />
          </section>

          <TryFacts editorText={valid ? current : null} onJumpToRule={jumpToRule} />
        </div>
      </div>
    </div>
  );
}
