import { describe, expect, it } from 'vitest';
import { checkFieldDefinitions, findFieldDefinition, type FieldDefinition } from './definition.js';
import { DEFAULT_FIELDS, DEFAULT_INQUIRIES_FIELD } from './defaults.js';

const number = (key: string): FieldDefinition => ({ key, type: 'number', label: { en: key } });

describe('checkFieldDefinitions', () => {
  it('accepts the shipped facts, every one labelled and explained in English and Japanese', () => {
    expect(checkFieldDefinitions(DEFAULT_FIELDS, DEFAULT_INQUIRIES_FIELD)).toEqual([]);
    for (const definition of DEFAULT_FIELDS) {
      expect([definition.label.en, definition.label.ja, definition.help?.en, definition.help?.ja].every(Boolean), definition.key).toBe(true);
    }
  });

  it.each<[string, FieldDefinition[], string | null, string, RegExp]>([
    ['a key with upper case', [number('CS')], null, '[0].key', /lower case/],
    ['a key the incident already has', [number('summary')], null, '[0].key', /incident's own fields/],
    ['a key declared twice', [number('a'), number('a')], null, '[1].key', /declared twice/],
    ['a choice field without choices', [{ key: 'c', type: 'choice', label: { en: 'C' } }], null, '[0].choices', /at least one choice/],
    ['a choice listed twice', [{ key: 'c', type: 'choice', label: { en: 'C' }, choices: [{ value: 'x', label: {} }, { value: 'x', label: {} }] }], null, '[0].choices[1].value', /twice/],
    ['choices on a number', [{ ...number('n'), choices: [{ value: 'x', label: {} }] }], null, '[0].choices', /only a choice field/],
    ['min on a boolean', [{ key: 'b', type: 'boolean', label: { en: 'B' }, min: 0 }], null, '[0].min', /only a number field/],
    ['min above max', [{ ...number('n'), min: 5, max: 1 }], null, '[0].min', /no value could fit/],
    ['a label in neither language', [{ key: 'n', type: 'number', label: {} }], null, '[0].label', /en or ja/],
    ['inquiries counting into a field not declared', [number('a')], 'cs_inquiries', 'inquiries.field', /declared: a; got "cs_inquiries"/],
    ['inquiries counting into a yes/no', [{ key: 'b', type: 'boolean', label: { en: 'B' } }], 'b', 'inquiries.field', /none is declared/],
  ])('names %s', (_name, definitions, inquiries, path, message) => {
    const problems = checkFieldDefinitions(definitions, inquiries);
    expect(problems[0]).toMatchObject({ path });
    expect(problems[0]!.message).toMatch(message);
  });
});

describe('findFieldDefinition', () => {
  it.each([
    ['its key', 'cs_inquiries', 'cs_inquiries'],
    ['its English label, any case', 'affected users', 'affected_users'],
    ['its Japanese label', '道路交通法への抵触', 'road_traffic_act'],
    ['its key with a dash for the underscore', 'affected-vehicles', 'affected_vehicles'],
  ])('by %s', (_name, typed, key) => {
    expect(findFieldDefinition(DEFAULT_FIELDS, typed)?.key).toBe(key);
  });

  it('finds nothing for an unknown name', () => {
    expect(findFieldDefinition(DEFAULT_FIELDS, 'weather')).toBeUndefined();
  });
});
