import { useI18n } from '../../i18n/index.js';
import { outlineSteps } from '../../lib/runbook-outline.js';
import { StepIcon } from './step-icon.js';

/** The steps as a run would meet them: one row each, with where the run goes next. */
export function RunbookOutline({ document }: { document: unknown }) {
  const { t, lang, label } = useI18n();
  const rows = outlineSteps(document, lang);
  if (!rows.length) return <p className="muted small">{t('runbook.outlineEmpty')}</p>;
  const target = (to: string) => (to === 'end' ? <span className="outline-end">{t('runbook.end')}</span> : <code>{to}</code>);
  return (
    <ol className="outline" data-testid="runbook-outline">
      {rows.map((row) => (
        <li key={row.index} className="outline-row" data-testid="outline-row" data-step={row.id} data-type={row.type}>
          <StepIcon type={row.type} />
          <div className="outline-body">
            <div className="outline-head">
              <code className="outline-id">{row.id}</code>
              <span className="outline-type">{label('stepType', row.type)}</span>
            </div>
            {row.text ? <p className="outline-text">{row.type === 'action' ? label('action', row.text) : row.text}</p> : null}
            <ul className="outline-exits">
              {row.exits.map((exit, i) => (
                <li key={i} data-testid="outline-exit" data-to={exit.to}>
                  <span aria-hidden="true">→ </span>
                  {exit.kind === 'case' ? (
                    <>
                      <span className="outline-when">{t('runbook.when', { condition: exit.when })}</span> {target(exit.to)}
                    </>
                  ) : exit.kind === 'default' ? (
                    <>
                      <span className="outline-when">{t('runbook.otherwise')}</span> {target(exit.to)}
                    </>
                  ) : (
                    target(exit.to)
                  )}
                </li>
              ))}
            </ul>
          </div>
        </li>
      ))}
    </ol>
  );
}
