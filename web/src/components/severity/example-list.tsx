import type { ExampleOutcome } from '../../api/severity.js';
import { useI18n } from '../../i18n/index.js';

/** The policy's examples run like unit tests: each passes or fails, expected beside actual. */
export function ExampleList({
  examples,
  lines,
  onJump,
  onJumpToRule,
}: {
  examples: ExampleOutcome[];
  lines: ReadonlyMap<string, number>;
  onJump: (line: number) => void;
  onJumpToRule: (ruleId: string) => void;
}) {
  const { t } = useI18n();
  if (!examples.length) return <p className="muted small">{t('severityPolicy.noExamples')}</p>;
  const none = t('severityPolicy.noOpinion');
  return (
    <ul className="example-list">
      {examples.map((example) => {
        const line = lines.get(example.name);
        return (
          <li key={example.name} className={`example example-${example.passed ? 'pass' : 'fail'}`} data-testid="severity-example" data-passed={example.passed} data-line={line}>
            <div className="example-head">
              <span className={`badge example-badge example-badge-${example.passed ? 'pass' : 'fail'}`}>{example.passed ? t('severityPolicy.pass') : t('severityPolicy.fail')}</span>
              {line ? (
                <button type="button" className="link-button example-name" onClick={() => onJump(line)} title={t('runbook.jumpTo', { line })}>
                  {example.name}
                </button>
              ) : (
                <span className="example-name">{example.name}</span>
              )}
            </div>
            <p className="example-outcome small" data-testid="severity-example-outcome">
              {t('severityPolicy.expected')} <strong>{example.expected ?? none}</strong>
              <span className="muted"> · </span>
              {t('severityPolicy.actual')} <strong className={example.passed ? undefined : 'danger-text'}>{example.actual ?? none}</strong>
            </p>
            {example.ruleIds.length ? (
              <p className="example-rules small muted" data-testid="severity-example-rules">
                {t('severityPolicy.matchedRules')}{' '}
                {example.ruleIds.map((ruleId) => (
                  <button key={ruleId} type="button" className="link-button match-rule" onClick={() => onJumpToRule(ruleId)}>
                    {ruleId}
                  </button>
                ))}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
