import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { type AnswerInput, coerceAnswer, describeAnswer } from './answers.js';
import { parseInstant } from './instant.js';
import type { AnswerType, AnswerValidation, AskStep } from './types.js';

const OPTIONS = [
  { value: 'db', label: { en: 'Database', ja: 'データベース' } },
  { value: 'net', label: { en: 'Network', ja: 'ネットワーク' } },
  { value: 'app', label: { en: 'Application' } },
];

function step(answer: AnswerType, validation: Partial<AnswerValidation> = {}): AskStep {
  return {
    id: 'q',
    type: 'ask',
    question: { en: 'Q?' },
    answer,
    validation: { required: false, ...validation },
    ...(answer === 'choice' || answer === 'multi-choice' ? { options: OPTIONS } : {}),
  };
}

describe('coerceAnswer accepts', () => {
  it.each<[string, AskStep, AnswerInput, unknown]>([
    ['text, trimmed', step('text'), '  DB is down  ', 'DB is down'],
    ['text matching the whole pattern', step('text', { pattern: 'INC-\\d+' }), 'INC-42', 'INC-42'],
    ['text length counted in characters, not bytes', step('text', { max: 3 }), '障害中', '障害中'],
    ['a number typed with thousands separators', step('number'), '1,234', 1234],
    ['a number in full-width digits (Japanese IME)', step('number'), '１２３', 123],
    ['a negative decimal', step('number'), '-5.5', -5.5],
    ['a number handed over as a number', step('number', { min: 0 }), 0, 0],
    ['a number at its bounds', step('number', { min: 1, max: 10 }), '10', 10],
    ['a choice by its value', step('choice'), 'net', 'net'],
    ['a choice typed as its label, in any case', step('choice'), 'database', 'db'],
    ['a choice typed as its Japanese label', step('choice'), 'ネットワーク', 'net'],
    ['a multi-choice list, kept in option order and without repeats', step('multi-choice'), ['app', 'db', 'app'], ['db', 'app']],
    ['a multi-choice typed with commas, including the Japanese comma', step('multi-choice'), 'net、 db', ['db', 'net']],
    ['yes as a word', step('yes-no'), 'Yes', true],
    ['no in Japanese', step('yes-no'), 'いいえ', false],
    ['yes-no handed over as a boolean', step('yes-no'), false, false],
    ['a user as a plain id', step('user'), 'U012AB3CD', 'U012AB3CD'],
    ['a user pasted as a Slack mention with a name', step('user'), '<@U012AB3CD|alice>', 'U012AB3CD'],
    ['a time with an offset, stored in UTC', step('time'), '2026-12-01T10:05+09:00', '2026-12-01T01:05:00.000Z'],
    ['a time with Z and seconds', step('time'), '2026-12-01T01:05:30Z', '2026-12-01T01:05:30.000Z'],
    ["a time as Unix seconds (Slack's datetimepicker)", step('time'), 1764551100, '2025-12-01T01:05:00.000Z'],
  ])('%s', (_name, asked, input, expected) => {
    expect(coerceAnswer(asked, input)).toEqual(expected);
  });

  it.each<[string, AnswerInput]>([
    ['nothing', undefined],
    ['spaces only', '   '],
    ['an empty multi-select', []],
  ])('%s as no answer to an optional question', (_name, input) => {
    expect(coerceAnswer(step('text'), input)).toBeNull();
  });
});

describe('coerceAnswer refuses, naming the step as the field', () => {
  it.each<[string, AskStep, AnswerInput, string]>([
    ['an empty answer to a required question', step('number', { required: true }), ' ', 'an answer is required'],
    ['text that only partly matches the pattern', step('text', { pattern: 'INC-\\d+' }), 'see INC-42', 'must match the pattern INC-\\d+'],
    ['text that is too short', step('text', { min: 5 }), 'abc', 'must be at least 5 characters'],
    ['a number with letters', step('number'), '12abc', 'must be a number (got "12abc")'],
    ['a number with a misplaced separator', step('number'), '1,23', 'must be a number'],
    ['a number below min', step('number', { min: 0 }), '-1', 'must be at least 0'],
    ['a number above max', step('number', { max: 100 }), 101, 'must be at most 100'],
    ['a number that is not finite', step('number'), Number.POSITIVE_INFINITY, 'must be a number'],
    ['a choice that is not an option', step('choice'), 'disk', '"disk" is not one of db, net, app'],
    ['several answers to a single choice', step('choice'), ['db', 'net'], 'must be a single answer'],
    ['a multi-choice with one unknown pick', step('multi-choice'), ['db', 'disk'], '"disk" is not one of db, net, app'],
    ['too few picks', step('multi-choice', { min: 2 }), ['db'], 'pick at least 2'],
    ['too many picks', step('multi-choice', { max: 1 }), 'db,net', 'pick at most 1'],
    ['maybe to a yes-no question', step('yes-no'), 'maybe', 'must be yes or no (got "maybe")'],
    ['a user with spaces', step('user'), 'Alice Smith', 'must be a user (got "Alice Smith")'],
    ['a time without an offset (ambiguous under pressure)', step('time'), '2026-12-01T10:05', 'must be an ISO 8601 time with an offset'],
    ['February 30th, which Date.parse would roll over', step('time'), '2026-02-30T10:00Z', 'must be an ISO 8601 time with an offset'],
    ['a negative Unix time', step('time'), -5, 'must be a time (got -5)'],
  ])('%s', (_name, asked, input, reason) => {
    const attempt = () => coerceAnswer(asked, input);
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(`q: ${reason}`);
  });
});

describe('parseInstant', () => {
  it.each([
    ['2026-12-01T10:05+0900', '2026-12-01T01:05:00.000Z'],
    ['2026-12-01 10:05:00Z', '2026-12-01T10:05:00.000Z'],
    ['2024-02-29T00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2025-02-29T00:00Z', undefined],
    ['2026-12-01T24:00Z', undefined],
    ['2026-12-01', undefined],
    ['tomorrow', undefined],
  ])('%s → %s', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });
});

describe('describeAnswer', () => {
  it.each<[string, AskStep, Parameters<typeof describeAnswer>[1], 'en' | 'ja', string]>([
    ['a choice by its label', step('choice'), 'db', 'en', 'Database'],
    ['a choice by its Japanese label', step('choice'), 'db', 'ja', 'データベース'],
    ['a Japanese reader of an option labelled only in English', step('choice'), 'app', 'ja', 'Application'],
    ['picks joined', step('multi-choice'), ['db', 'net'], 'en', 'Database, Network'],
    ['yes in Japanese', step('yes-no'), true, 'ja', 'はい'],
    ['a number as typed', step('number'), 1234, 'en', '1234'],
    ['a time to the minute, in UTC', step('time'), '2026-12-01T00:50:00.000Z', 'en', '2026-12-01 00:50 UTC'],
  ])('%s', (_name, asked, value, language, expected) => {
    expect(describeAnswer(asked, value, language)).toBe(expected);
  });
});
