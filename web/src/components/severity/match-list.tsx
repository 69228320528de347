import type { Evidence, SeverityMatch } from '../../api/severity.js';
import { useI18n } from '../../i18n/index.js';
import { SeverityBadge } from '../badges.js';

const OP_SYMBOLS: Partial<Record<Evidence['op'], string>> = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤', sev_gte: '≥', sev_lte: '≤' };

const show = (value: unknown) => (value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** Each rule that matched, worst first as the server lists them, with the facts that made it match. */
export function MatchList({ matches, onJump }: { matches: SeverityMatch[]; onJump?: (ruleId: string) => void }) {
  const { t, lang } = useI18n();
  if (!matches.length) return <p className="muted small">{t('severityPolicy.noMatch')}</p>;
  return (
    <ul className="match-list" data-testid="severity-matches">
      {matches.map((match) => (
        <li key={match.ruleId} className="match" data-testid="severity-match" data-rule={match.ruleId}>
          <div className="match-head">
            <SeverityBadge severity={match.severity} />
            {onJump ? (
              <button type="button" className="link-button match-rule" onClick={() => onJump(match.ruleId)}>
                {match.ruleId}
              </button>
            ) : (
              <code className="match-rule">{match.ruleId}</code>
            )}
          </div>
          <p className="match-reason">{match.reason[lang] || match.reason.en}</p>
          {match.evidence.length ? (
            <ul className="evidence-list">
              {match.evidence.map((evidence, index) => (
                <li key={`${evidence.field}-${index}`} className="evidence">
                  <code>
                    {evidence.field} {OP_SYMBOLS[evidence.op] ?? evidence.op} {show(evidence.expected)}
                  </code>
                  <span className="muted"> {t('severityPolicy.evidenceActual', { value: show(evidence.actual) })}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
