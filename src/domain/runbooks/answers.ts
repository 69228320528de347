import { ValidationError } from '../../errors.js';
import { parseInstant } from './instant.js';
import { pickText } from './text.js';
import type { AskStep, ChoiceOption, FieldValue } from './types.js';

/** What Slack or the web app hands over: strings mostly, a list for multi-selects. */
export type AnswerInput = string | number | boolean | readonly string[] | null | undefined;

const YES = ['yes', 'y', 'true', 'はい', 'うん', '1'];
const NO = ['no', 'n', 'false', 'いいえ', 'ううん', '0'];

/**
 * Turns raw input into the step's typed answer, or refuses it with a ValidationError
 * whose field is the step id. An empty input gives null (no answer); the run decides
 * whether that is allowed.
 */
export function coerceAnswer(step: AskStep, input: AnswerInput): FieldValue | null {
  if (input === null || input === undefined || isBlank(input)) {
    if (step.validation.required) throw new ValidationError(step.id, 'an answer is required');
    return null;
  }
  const fail = (reason: string): never => {
    throw new ValidationError(step.id, reason);
  };
  const { min, max, pattern } = step.validation;
  switch (step.answer) {
    case 'text': {
      const text = single(input, fail).trim();
      const length = [...text].length;
      if (min !== undefined && length < min) fail(`must be at least ${min} characters`);
      if (max !== undefined && length > max) fail(`must be at most ${max} characters`);
      if (pattern !== undefined && !new RegExp(`^(?:${pattern})$`, 'u').test(text)) fail(`must match the pattern ${pattern}`);
      return text;
    }
    case 'number': {
      const value = typeof input === 'number' ? input : parseNumber(single(input, fail));
      if (value === undefined || !Number.isFinite(value)) return fail(`must be a number (got "${String(input)}")`);
      if (min !== undefined && value < min) fail(`must be at least ${min}`);
      if (max !== undefined && value > max) fail(`must be at most ${max}`);
      return value;
    }
    case 'choice':
      return findOption(step.options ?? [], single(input, fail), fail);
    case 'multi-choice': {
      const raw = Array.isArray(input) ? input : single(input, fail).split(/[,、]/);
      const picked = new Set(raw.map((item) => String(item).trim()).filter(Boolean).map((item) => findOption(step.options ?? [], item, fail)));
      const values = (step.options ?? []).map((option) => option.value).filter((value) => picked.has(value));
      if (min !== undefined && values.length < min) fail(`pick at least ${min}`);
      if (max !== undefined && values.length > max) fail(`pick at most ${max}`);
      return values;
    }
    case 'yes-no': {
      if (typeof input === 'boolean') return input;
      const word = single(input, fail).trim().toLowerCase();
      if (YES.includes(word)) return true;
      if (NO.includes(word)) return false;
      return fail(`must be yes or no (got "${String(input)}")`);
    }
    case 'user': {
      const raw = single(input, fail).trim();
      const id = /^<@([A-Za-z0-9_-]+)(?:\|[^>]*)?>$/.exec(raw)?.[1] ?? raw;
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) fail(`must be a user (got "${raw}")`);
      return id;
    }
    case 'time': {
      // Slack's datetimepicker hands over Unix seconds.
      if (typeof input === 'number') {
        if (!Number.isInteger(input) || input < 0) fail(`must be a time (got ${input})`);
        return new Date(input * 1000).toISOString();
      }
      const text = single(input, fail);
      return parseInstant(text) ?? fail(`must be an ISO 8601 time with an offset, e.g. 2026-12-01T10:05+09:00 (got "${text}")`);
    }
  }
}

function isBlank(input: Exclude<AnswerInput, null | undefined>): boolean {
  if (typeof input === 'string') return !input.trim();
  return Array.isArray(input) && input.every((item) => !String(item).trim());
}

function single(input: Exclude<AnswerInput, null | undefined>, fail: (reason: string) => never): string {
  if (Array.isArray(input)) return input.length === 1 ? String(input[0]) : fail('must be a single answer');
  return String(input);
}

/** `1,234`, full-width `１２３` and `-5.5`; not `12abc` or `1,23`. */
function parseNumber(text: string): number | undefined {
  const normalised = text.normalize('NFKC').trim();
  if (!/^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(normalised)) return undefined;
  return Number(normalised.replaceAll(',', ''));
}

/** An option by its value, or by its label in either language (someone typed it). */
function findOption(options: readonly ChoiceOption[], raw: string, fail: (reason: string) => never): string {
  const text = raw.trim();
  const found =
    options.find((option) => option.value === text) ??
    options.find((option) => [option.label.en, option.label.ja].some((label) => label?.toLowerCase() === text.toLowerCase()));
  return found?.value ?? fail(`"${text}" is not one of ${options.map((option) => option.value).join(', ')}`);
}

/** An answer as people read it on the timeline and in the postmortem. */
export function describeAnswer(step: AskStep, value: FieldValue, language: 'en' | 'ja' = 'en'): string {
  const label = (v: string) => {
    const option = step.options?.find((o) => o.value === v);
    return option ? pickText(option.label, language) || v : v;
  };
  if (typeof value === 'boolean') return value ? (language === 'ja' ? 'はい' : 'yes') : language === 'ja' ? 'いいえ' : 'no';
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (step.answer === 'time' && typeof value === 'string') return `${value.slice(0, 10)} ${value.slice(11, 16)} UTC`;
  return step.answer === 'choice' ? label(String(value)) : String(value);
}
