import { useState } from 'react';
import { pickText } from '../../../../src/domain/runbooks/text.js';
import { useRunbookRuns, useRunbooks, useStartRun } from '../../api/queries.js';
import { useI18n } from '../../i18n/index.js';
import { ErrorMessage } from '../error-message.js';
import { Progress, RunWizard } from './run-wizard.js';

/** The incident's runbook runs, a way to start another, and the wizard of the one opened (viewers only look). */
export function RunbookPanel({ reference, canAct }: { reference: string; canAct: boolean }) {
  const { t, lang, label } = useI18n();
  const runs = useRunbookRuns(reference);
  const runbooks = useRunbooks();
  const start = useStartRun(reference);
  // Undefined until someone opens or closes a run: meanwhile the first running one is open.
  const [chosenId, setOpenId] = useState<string | null | undefined>(undefined);
  const [choosing, setChoosing] = useState(false);
  const [choice, setChoice] = useState('');

  const items = runs.data ?? [];
  const openId = chosenId === undefined ? (items.find((run) => run.status === 'running')?.id ?? null) : chosenId;
  const open = items.find((run) => run.id === openId) ?? null;

  return (
    <section className="card section runbook-panel" aria-labelledby="runbooks-heading" data-testid="runbook-panel">
      <div className="section-header">
        <h2 id="runbooks-heading">{t('run.panelTitle')}</h2>
        {canAct && !choosing ? (
          <button type="button" className="btn btn-small" onClick={() => setChoosing(true)} data-testid="run-start-open">
            {t('run.start')}
          </button>
        ) : null}
      </div>

      {choosing ? (
        <form
          className="run-start-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!choice) return;
            start.mutate(choice, {
              onSuccess: (run) => {
                setOpenId(run.id);
                setChoosing(false);
                setChoice('');
              },
            });
          }}
        >
          <select className="input" value={choice} onChange={(event) => setChoice(event.target.value)} aria-label={t('run.choose')} data-testid="run-start-choice">
            <option value="">{runbooks.isPending ? t('app.loading') : t('run.choose')}</option>
            {(runbooks.data ?? []).map((runbook) => (
              <option key={runbook.id} value={runbook.id}>
                {pickText(runbook.title, lang)}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-primary btn-small" disabled={!choice || start.isPending} data-testid="run-start">
            {t('run.startThis')}
          </button>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setChoosing(false)}>
            {t('run.cancel')}
          </button>
        </form>
      ) : null}
      <ErrorMessage error={start.error ?? runbooks.error} compact />
      <ErrorMessage error={runs.error} onRetry={() => void runs.refetch()} compact />

      {runs.isSuccess && !items.length && !choosing ? <p className="muted small">{t('run.none')}</p> : null}
      {items.length ? (
        <ul className="run-list" data-testid="run-list">
          {items.map((run) => (
            <li key={run.id} className={`run-item${run.id === openId ? ' run-item-open' : ''}`} data-testid="run-item" data-runbook={run.runbook.id} data-status={run.status}>
              <button type="button" className="run-item-button" onClick={() => setOpenId(run.id === openId ? null : run.id)} aria-expanded={run.id === openId}>
                <span className="run-item-title">{pickText(run.runbook.title, lang)}</span>
                <span className={`chip chip-run-${run.status}`}>{label('runStatus', run.status)}</span>
              </button>
              <Progress run={run} />
            </li>
          ))}
        </ul>
      ) : null}

      {open ? <RunWizard run={open} reference={reference} canAct={canAct} onClose={() => setOpenId(null)} /> : null}
    </section>
  );
}
