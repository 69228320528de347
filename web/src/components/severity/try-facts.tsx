import { useState } from 'react';
import { parse } from 'yaml';
import { useEvaluateFacts } from '../../api/severity.js';
import { useI18n } from '../../i18n/index.js';
import { SeverityBadge } from '../badges.js';
import { ErrorMessage } from '../error-message.js';
import { MatchList } from './match-list.js';

const STARTER = `{
  "cs_inquiries": 60,
  "personal_data_exposed": false,
  "affected_vehicles": 0
}`;

/** Facts are a map (JSON or YAML); anything else is said before asking the server. */
function readFacts(text: string): { facts?: Record<string, unknown>; error?: string } {
  try {
    const value: unknown = parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { facts: value as Record<string, unknown> };
    return { error: 'facts must be a map of field → value' };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A dry run: what the policy makes of some facts, against the text in the editor when it
 * reads (so a change can be tried before it is saved), else the policy in force.
 */
export function TryFacts({ editorText, onJumpToRule }: { editorText: string | null; onJumpToRule: (ruleId: string) => void }) {
  const { t } = useI18n();
  const evaluate = useEvaluateFacts();
  const [text, setText] = useState(STARTER);
  const [useEditor, setUseEditor] = useState(true);
  const [readError, setReadError] = useState<string | null>(null);

  const run = () => {
    const { facts, error } = readFacts(text);
    setReadError(error ?? null);
    if (!facts) return;
    evaluate.mutate({ facts, ...(useEditor && editorText !== null ? { text: editorText } : {}) });
  };

  const result = evaluate.data;
  return (
    <section className="card section" aria-labelledby="try-heading" data-testid="severity-try">
      <div className="section-header">
        <h2 id="try-heading">{t('severityPolicy.try.title')}</h2>
      </div>
      <p className="muted small mb">{t('severityPolicy.try.help')}</p>
      <textarea className="facts-text" rows={6} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} aria-label={t('severityPolicy.try.facts')} data-testid="severity-facts" />
      <div className="try-actions">
        <label className="checkbox-label small">
          <input type="checkbox" checked={useEditor} disabled={editorText === null} onChange={(e) => setUseEditor(e.target.checked)} />
          {t('severityPolicy.try.useEditor')}
        </label>
        <button type="button" className="btn btn-small btn-primary" disabled={evaluate.isPending} onClick={run} data-testid="severity-evaluate">
          {evaluate.isPending ? t('severityPolicy.try.running') : t('severityPolicy.try.run')}
        </button>
      </div>
      {readError ? <div className="problem problem-error mt">{readError}</div> : null}
      <ErrorMessage error={evaluate.error} compact />
      {result && !readError ? (
        <div className="try-result" data-testid="severity-try-result" data-severity={result.severity ?? ''}>
          <div className="try-verdict">
            <span className="muted">{t('severityPolicy.try.result')}</span>
            {result.severity ? <SeverityBadge severity={result.severity} /> : <strong>{t('severityPolicy.noOpinion')}</strong>}
          </div>
          <MatchList matches={result.matches} onJump={onJumpToRule} />
        </div>
      ) : null}
    </section>
  );
}
