import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { coerceFieldValue, formatFieldValue, type ValueSource } from './coerce.js';
import type { FieldDefinition } from './definition.js';
import { DEFAULT_FIELDS } from './defaults.js';

const field = (key: string) => DEFAULT_FIELDS.find((d) => d.key === key)!;
const region: FieldDefinition = {
  key: 'region',
  type: 'choice',
  label: { en: 'Region', ja: '地域' },
  choices: [
    { value: 'tokyo', label: { en: 'Tokyo', ja: '東京' } },
    { value: 'osaka', label: { en: 'Osaka', ja: '大阪' } },
  ],
};
const note: FieldDefinition = { key: 'note', type: 'text', label: { en: 'Note' } };
const owner: FieldDefinition = { key: 'owner', type: 'user', label: { en: 'Owner' } };
const ratio: FieldDefinition = { key: 'ratio', type: 'number', label: { en: 'Ratio' }, min: 0, max: 1 };

describe('coerceFieldValue accepts', () => {
  it.each<[string, FieldDefinition, ValueSource, unknown, unknown]>([
    ['a JSON number', field('cs_inquiries'), 'api', 120, 120],
    ['null, which clears the field', field('cs_inquiries'), 'api', null, null],
    ['"1,200" typed in Slack', field('affected_users'), 'slack', '1,200', 1200],
    ['full-width digits and comma "１，２００"', field('affected_users'), 'slack', '１，２００', 1200],
    ['a counter word after the number "30件"', field('cs_inquiries'), 'slack', '30件', 30],
    ['"1 200" grouped by a space', field('affected_vehicles'), 'slack', '1 200', 1200],
    ['a fraction where whole numbers are not required', ratio, 'slack', '0.25', 0.25],
    ['the bound itself (min 0)', field('cs_inquiries'), 'api', 0, 0],
    ['"はい" as yes', field('personal_data_exposed'), 'slack', 'はい', true],
    ['"いいえ" as no', field('road_traffic_act'), 'slack', 'いいえ', false],
    ['"Yes" whatever its case', field('road_vehicles_act'), 'slack', 'Yes', true],
    ['"false"', field('road_vehicles_act'), 'slack', 'false', false],
    ['a JSON boolean', field('personal_data_exposed'), 'api', true, true],
    ['a choice by its value', region, 'api', 'osaka', 'osaka'],
    ['a choice by its English label in Slack', region, 'slack', 'tokyo', 'tokyo'],
    ['a choice by its Japanese label in Slack', region, 'slack', '大阪', 'osaka'],
    ['text, trimmed', note, 'api', '  rollback in progress ', 'rollback in progress'],
    ['empty text as nothing', note, 'slack', '   ', null],
    ['a Slack mention as the Slack user id', owner, 'slack', '<@U0AIKO|aiko>', 'U0AIKO'],
    ['an e-mail naming a user', owner, 'api', 'aiko@example.com', 'aiko@example.com'],
  ])('%s', (_name, definition, from, raw, expected) => {
    expect(coerceFieldValue(definition, raw, { from })).toEqual(expected);
  });
});

describe('coerceFieldValue refuses, naming fields.<key>', () => {
  it.each<[string, FieldDefinition, ValueSource, unknown, RegExp]>([
    ['a string number from the API (JSON has numbers)', field('cs_inquiries'), 'api', '120', /must be a number/],
    ['a negative count', field('cs_inquiries'), 'api', -1, /at least 0/],
    ['a fraction of a person', field('affected_users'), 'slack', '2.5', /whole number/],
    ['a badly grouped number "1,20"', field('affected_users'), 'slack', '1,20', /such as 12 or 1,200/],
    ['words for a number', field('affected_users'), 'slack', 'many', /must be a number/],
    ['Infinity', ratio, 'api', Number.POSITIVE_INFINITY, /must be a number/],
    ['above max', ratio, 'api', 2, /at most 1/],
    ['"maybe" for a yes/no', field('personal_data_exposed'), 'slack', 'maybe', /yes or no \(はい \/ いいえ\)/],
    ['"yes" from the API (JSON has booleans)', field('personal_data_exposed'), 'api', 'yes', /true or false/],
    ['a choice label from the API', region, 'api', 'Tokyo', /one of tokyo, osaka/],
    ['an unknown choice', region, 'slack', 'nagoya', /one of tokyo, osaka \(got "nagoya"\)/],
    ['a list for text', note, 'api', ['a'], /must be a string \(got a list\)/],
    ['text over 1,000 characters', note, 'api', 'x'.repeat(1001), /at most 1000/],
  ])('%s', (_name, definition, from, raw, reason) => {
    try {
      coerceFieldValue(definition, raw, { from });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(`fields.${definition.key}`);
      expect((error as ValidationError).reason).toMatch(reason);
    }
  });
});

describe('formatFieldValue', () => {
  it.each<[string, FieldDefinition, Parameters<typeof formatFieldValue>[1], 'en' | 'ja', string]>([
    ['a count with grouping', field('affected_users'), 1200, 'en', '1,200'],
    ['yes in Japanese', field('personal_data_exposed'), true, 'ja', 'はい'],
    ['no in English', field('personal_data_exposed'), false, 'en', 'No'],
    ['a choice by its label', region, 'osaka', 'ja', '大阪'],
    ['an unknown value as a dash', field('cs_inquiries'), null, 'en', '—'],
  ])('%s', (_name, definition, value, language, expected) => {
    expect(formatFieldValue(definition, value, language)).toBe(expected);
  });
});
