import { useState } from 'react';
import { pickText } from '../../../../src/domain/runbooks/text.js';
import type { RunbookAction, RunbookStep } from '../../../../src/domain/runbooks/types.js';
import { ApiError } from '../../api/client.js';
import { useAbandonRun, useRunBack, useRunStep, useUsers } from '../../api/queries.js';
import type { RunView, StepAction } from '../../api/types.js';
import { useI18n, type I18n } from '../../i18n/index.js';
import { ErrorMessage } from '../error-message.js';
import { RelativeTime } from '../time.js';
import { StepIcon } from './step-icon.js';
import { StepInput, type AnswerValue } from './step-input.js';

function describeAction(action: RunbookAction, { t, label, lang }: I18n): string {
  switch (action.kind) {
    case 'set-severity':
      return t('run.action.setSeverity', { severity: action.severity });
    case 'set-status':
      return t('run.action.setStatus', { status: label('status', action.status) });
    case 'set-field':
      return t('run.action.setField', { field: action.field, value: Array.isArray(action.value) ? action.value.join(', ') : String(action.value) });
    case 'invite':
      return 'team' in action.target ? t('run.action.inviteTeam', { team: action.target.team }) : t('run.action.inviteUser', { user: action.target.user });
    case 'page':
      return 'escalationPolicy' in action.target
        ? t('run.action.pagePolicy', { policy: action.target.escalationPolicy })
        : t('run.action.pageSchedule', { schedule: action.target.schedule });
    case 'post-update':
      return t('run.action.postUpdate', { message: pickText(action.message, lang) });
    case 'create-follow-up':
      return t('run.action.createFollowUp', { title: pickText(action.title, lang) });
  }
}

/** One step at a time, as in Slack: the step, its buttons, Back; the answers so far below. */
export function RunWizard({ run, reference, canAct, onClose }: { run: RunView; reference: string; canAct: boolean; onClose: () => void }) {
  const i18n = useI18n();
  const { t, lang, label } = i18n;
  const act = useRunStep(reference);
  const back = useRunBack(reference);
  const abandon = useAbandonRun(reference);
  const [abandoning, setAbandoning] = useState(false);
  const [reason, setReason] = useState('');
  const busy = !canAct || act.isPending || back.isPending || abandon.isPending;
  const step = run.currentStep;
  const stale = act.error instanceof ApiError && act.error.status === 409 ? act.error : null;

  const send = (stepId: string, action: StepAction, value?: AnswerValue) => {
    back.reset();
    act.mutate({ runId: run.id, stepId, action, ...(value === undefined ? {} : { value }) });
  };

  return (
    <div className="wizard" data-testid="run-wizard" data-run={run.id} data-status={run.status}>
      <div className="wizard-head">
        <div>
          <h3 className="wizard-title">{pickText(run.runbook.title, lang)}</h3>
          <Progress run={run} />
        </div>
        <button type="button" className="btn btn-ghost btn-small" onClick={onClose} data-testid="wizard-close">
          {t('run.close')}
        </button>
      </div>

      {stale ? (
        <div className="notice notice-warning" role="alert" data-testid="run-stale">
          <strong>{t('run.stale')}</strong> {stale.detail}
        </div>
      ) : (
        <ErrorMessage error={act.error ?? back.error ?? abandon.error} compact />
      )}

      {run.status === 'running' && step ? (
        <StepCard key={`${step.id}-${run.revision}`} run={run} step={step} busy={busy} i18n={i18n} onSend={send} />
      ) : (
        <div className={`wizard-finished wizard-finished-${run.status}`} data-testid="run-finished">
          <strong>{label('runStatus', run.status)}</strong>
          {run.finishedAt ? (
            <span className="muted">
              {' · '}
              <RelativeTime iso={run.finishedAt} />
            </span>
          ) : null}
          <p className="muted small">{t('run.summary', { answered: run.answers.length, done: run.done.length, skipped: run.skipped.length })}</p>
        </div>
      )}

      {run.status === 'running' && canAct ? (
        <div className="wizard-nav">
          {run.moves.includes('back') ? (
            <button type="button" className="btn btn-ghost btn-small" disabled={busy} onClick={() => back.mutate(run.id)} data-testid="run-back">
              ← {t('run.back')}
            </button>
          ) : (
            <span />
          )}
          {abandoning ? (
            <form
              className="wizard-abandon"
              onSubmit={(event) => {
                event.preventDefault();
                if (reason.trim()) abandon.mutate({ runId: run.id, reason: reason.trim() }, { onSuccess: () => setAbandoning(false) });
              }}
            >
              <input className="input input-small" value={reason} onChange={(event) => setReason(event.target.value)} placeholder={t('run.abandonReason')} aria-label={t('run.abandonReason')} autoFocus />
              <button type="submit" className="btn btn-small btn-danger-ghost" disabled={busy || !reason.trim()}>
                {t('run.abandon')}
              </button>
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setAbandoning(false)}>
                {t('run.cancel')}
              </button>
            </form>
          ) : run.moves.includes('abandon') ? (
            <button type="button" className="btn btn-ghost btn-small muted" onClick={() => setAbandoning(true)} data-testid="run-abandon">
              {t('run.abandon')}
            </button>
          ) : null}
        </div>
      ) : null}

      <Answers run={run} />
    </div>
  );
}

function StepCard({
  run,
  step,
  busy,
  i18n,
  onSend,
}: {
  run: RunView;
  step: RunbookStep;
  busy: boolean;
  i18n: I18n;
  onSend: (stepId: string, action: StepAction, value?: AnswerValue) => void;
}) {
  const { t, lang, label } = i18n;
  const canSkip = run.moves.includes('skip');
  const skip = canSkip ? (
    <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => onSend(step.id, 'skip')} data-testid="step-skip">
      {t('run.skip')}
    </button>
  ) : null;

  return (
    <div className="wizard-step" data-testid="wizard-step" data-step={step.id} data-type={step.type}>
      <div className="wizard-step-kind">
        <StepIcon type={step.type} />
        <span>{label('stepType', step.type)}</span>
      </div>
      {step.type === 'ask' ? (
        <>
          <p className="wizard-question" data-testid="step-question">
            {pickText(step.question, lang)}
            {step.validation.required ? <span className="required-mark" title={t('run.required')}> *</span> : null}
          </p>
          {step.help ? <p className="muted small">{pickText(step.help, lang)}</p> : null}
          <StepInput step={step} suggestion={run.suggestion} busy={busy} onAnswer={(value) => onSend(step.id, 'answer', value)} />
          {skip ? <div className="wizard-buttons">{skip}</div> : null}
        </>
      ) : step.type === 'task' ? (
        <>
          <p className="wizard-question" data-testid="step-question">{pickText(step.text, lang)}</p>
          {step.assignee ? <p className="muted small">{t('run.assignedTo', { role: label('role', step.assignee) })}</p> : null}
          <div className="wizard-buttons">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => onSend(step.id, 'complete')} data-testid="step-done">
              ✓ {t('run.done')}
            </button>
            {skip}
          </div>
        </>
      ) : step.type === 'info' ? (
        <>
          <p className="wizard-question wizard-info" data-testid="step-question">{pickText(step.text, lang)}</p>
          {step.links.length ? (
            <ul className="wizard-links">
              {step.links.map((link) => (
                <li key={link.url}>
                  <a href={link.url} target="_blank" rel="noreferrer noopener">
                    {(link.title && pickText(link.title, lang)) || link.url}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="wizard-buttons">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => onSend(step.id, 'proceed')} data-testid="step-continue">
              {t('run.continue')}
            </button>
          </div>
        </>
      ) : step.type === 'action' ? (
        <>
          <p className="wizard-question" data-testid="step-question">{describeAction(step.action, i18n)}</p>
          <p className="muted small">{t('run.confirmHint')}</p>
          <div className="wizard-buttons">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => onSend(step.id, 'proceed')} data-testid="step-run">
              {t('run.run')}
            </button>
            {skip}
          </div>
        </>
      ) : (
        <p className="muted">{t('run.branching')}</p>
      )}
    </div>
  );
}

export function Progress({ run }: { run: RunView }) {
  const { t } = useI18n();
  const { answered, total } = run.progress;
  const percent = total ? Math.round((answered / total) * 100) : 0;
  return (
    <div className="run-progress" data-testid="run-progress">
      <span className="run-progress-text">{t('run.progress', { answered, total })}</span>
      <span className="run-progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={total} aria-valuenow={answered} aria-label={t('run.progress', { answered, total })}>
        <span style={{ width: `${run.status === 'completed' ? 100 : percent}%` }} />
      </span>
    </div>
  );
}

function Answers({ run }: { run: RunView }) {
  const { t, lang } = useI18n();
  const users = useUsers();
  if (!run.answers.length) return null;
  // A user question's answer is a user id; the server's display text is that id, so the name is looked up here.
  const names = new Map((users.data ?? []).map((user) => [user.id, user.name]));
  const shown = (answer: RunView['answers'][number]) => (typeof answer.value === 'string' ? (names.get(answer.value) ?? answer.display) : answer.display);
  return (
    <div className="wizard-answers">
      <h4>{t('run.answers')}</h4>
      <dl data-testid="run-answers">
        {run.answers.map((answer) => (
          <div key={answer.stepId} className="wizard-answer-row" data-testid="run-answer" data-step={answer.stepId}>
            <dt>{pickText(answer.question, lang)}</dt>
            <dd>
              <strong>{shown(answer)}</strong>
              <span className="muted small">
                {' '}
                {t('run.answeredBy', { name: answer.by.name })} · <RelativeTime iso={answer.at} />
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
