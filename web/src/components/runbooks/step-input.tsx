import { useState } from 'react';
import { pickText } from '../../../../src/domain/runbooks/text.js';
import type { AskStep } from '../../../../src/domain/runbooks/types.js';
import { useUsers } from '../../api/queries.js';
import { useI18n } from '../../i18n/index.js';

/** The value sent for an answer: the server coerces it (numbers with separators, ISO times). */
export type AnswerValue = string | boolean | string[];

/** A datetime-local value (the reader's clock) as an ISO instant, which carries its offset. */
function toInstant(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/**
 * The input that fits the question's answer type. Yes/no answers at once with its two
 * buttons; the others submit with the wizard's Answer button. `suggestion` is the earlier
 * answer when someone went back.
 */
export function StepInput({
  step,
  suggestion,
  busy,
  onAnswer,
}: {
  step: AskStep;
  suggestion: unknown;
  busy: boolean;
  onAnswer: (value: AnswerValue) => void;
}) {
  const { t, lang } = useI18n();
  const users = useUsers();
  const initialText = typeof suggestion === 'string' || typeof suggestion === 'number' ? String(suggestion) : '';
  const [text, setText] = useState(step.answer === 'time' && typeof suggestion === 'string' ? toLocalInput(suggestion) : initialText);
  const [picked, setPicked] = useState<string[]>(Array.isArray(suggestion) ? suggestion.map(String) : []);
  const inputId = `answer-${step.id}`;

  if (step.answer === 'yes-no') {
    return (
      <div className="wizard-yes-no" role="group" aria-label={pickText(step.question, lang)}>
        <button type="button" className={`btn btn-large${suggestion === true ? ' btn-suggested' : ''}`} disabled={busy} onClick={() => onAnswer(true)} data-testid="answer-yes">
          {t('run.yes')}
        </button>
        <button type="button" className={`btn btn-large${suggestion === false ? ' btn-suggested' : ''}`} disabled={busy} onClick={() => onAnswer(false)} data-testid="answer-no">
          {t('run.no')}
        </button>
      </div>
    );
  }

  const value: AnswerValue | null =
    step.answer === 'multi-choice' ? picked : step.answer === 'time' ? (text ? toInstant(text) : null) : text.trim() ? text.trim() : null;
  const submit = () => {
    if (value !== null) onAnswer(value);
  };
  const options = step.options ?? [];

  return (
    <form
      className="wizard-answer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {step.answer === 'choice' ? (
        <fieldset className="choice-list">
          <legend className="sr-only">{pickText(step.question, lang)}</legend>
          {options.map((option) => (
            <label key={option.value} className="choice">
              <input type="radio" name={inputId} value={option.value} checked={text === option.value} onChange={() => setText(option.value)} data-testid="answer-option" />
              <span>{pickText(option.label, lang) || option.value}</span>
            </label>
          ))}
        </fieldset>
      ) : step.answer === 'multi-choice' ? (
        <fieldset className="choice-list">
          <legend className="sr-only">{pickText(step.question, lang)}</legend>
          {options.map((option) => (
            <label key={option.value} className="choice">
              <input
                type="checkbox"
                value={option.value}
                checked={picked.includes(option.value)}
                onChange={(event) => setPicked((old) => (event.target.checked ? [...old, option.value] : old.filter((v) => v !== option.value)))}
                data-testid="answer-option"
              />
              <span>{pickText(option.label, lang) || option.value}</span>
            </label>
          ))}
        </fieldset>
      ) : step.answer === 'user' ? (
        <select id={inputId} className="input" value={text} onChange={(event) => setText(event.target.value)} aria-label={pickText(step.question, lang)} data-testid="answer-input">
          <option value="">{users.isPending ? t('app.loading') : t('run.pickUser')}</option>
          {(users.data ?? []).map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
      ) : step.answer === 'time' ? (
        <input id={inputId} className="input input-time" type="datetime-local" value={text} onChange={(event) => setText(event.target.value)} aria-label={pickText(step.question, lang)} data-testid="answer-input" />
      ) : step.answer === 'number' ? (
        <input
          id={inputId}
          className="input input-number"
          type="text"
          inputMode="decimal"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-label={pickText(step.question, lang)}
          autoFocus
          data-testid="answer-input"
        />
      ) : (
        <textarea id={inputId} className="input" rows={3} value={text} onChange={(event) => setText(event.target.value)} aria-label={pickText(step.question, lang)} autoFocus data-testid="answer-input" />
      )}
      {step.answer === 'time' ? <p className="muted small">{t('run.timeHint', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}</p> : null}
      <div className="wizard-buttons-inline">
        <button type="submit" className="btn btn-primary" disabled={busy || value === null || (Array.isArray(value) && !value.length && step.validation.required)} data-testid="answer-submit">
          {t('run.answer')}
        </button>
      </div>
    </form>
  );
}
