import type { PolicyProblem } from '../../api/severity.js';
import { useI18n } from '../../i18n/index.js';

/** Why the text would be refused, each at its line (a click puts the caret there). */
export function PolicyProblems({ problems, onJump }: { problems: PolicyProblem[]; onJump: (line: number) => void }) {
  const { t } = useI18n();
  return (
    <ul className="problem-list">
      {problems.map((problem, index) => (
        <li key={`${index}-${problem.path}-${problem.message}`} className="problem problem-error" data-testid="severity-problem" data-line={problem.line}>
          {problem.line ? (
            <button type="button" className="problem-line" onClick={() => onJump(problem.line!)} title={t('runbook.jumpTo', { line: problem.line })}>
              {t('runbook.line', { line: problem.line })}
            </button>
          ) : (
            <span className="problem-line problem-line-none">—</span>
          )}
          <div className="problem-body">
            {problem.path ? <code className="problem-path">{problem.path}</code> : null}
            {problem.example ? <span className="muted small">{t('severityPolicy.inExample', { name: problem.example })}</span> : null}
            <span className="problem-message" lang="en">
              {problem.message}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
