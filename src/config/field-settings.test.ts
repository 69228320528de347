import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELDS } from '../domain/fields/defaults.js';
import { SettingsError, parseSettings } from './settings.js';

const regionFile = `
fields:
  - key: region
    type: choice
    label: { en: Region, ja: 地域 }
    choices:
      - { value: tokyo, label: { en: Tokyo, ja: 東京 } }
  - key: tickets
    type: number
    label: { en: Tickets }
    min: 0
inquiries:
  field: tickets
`;

describe('settings: custom fields', () => {
  it('ships the six facts of the organisation, inquiries counting into cs_inquiries', () => {
    const settings = parseSettings('');
    expect(settings.fields.map((f) => [f.key, f.type])).toEqual([
      ['cs_inquiries', 'number'],
      ['affected_users', 'number'],
      ['affected_vehicles', 'number'],
      ['personal_data_exposed', 'boolean'],
      ['road_traffic_act', 'boolean'],
      ['road_vehicles_act', 'boolean'],
    ]);
    expect(settings.fields).toBe(DEFAULT_FIELDS);
    expect(settings.inquiries).toEqual({ field: 'cs_inquiries' });
  });

  it('a file declaring fields replaces the whole list', () => {
    const settings = parseSettings(regionFile);
    expect(settings.fields.map((f) => f.key)).toEqual(['region', 'tickets']);
    expect(settings.inquiries.field).toBe('tickets');
  });

  it('inquiry counting may be turned off', () => {
    expect(parseSettings('fields: []\ninquiries: { field: null }\n').inquiries.field).toBeNull();
  });

  it.each([
    ['an unknown field type', 'fields:\n  - key: a\n    type: date\n    label: { en: A }\n', 'fields.0.type', 3],
    ['a misspelt property', 'fields:\n  - key: a\n    type: text\n    label: { en: A }\n    hlep: { en: typo }\n', 'fields.0.hlep', 5],
    ['a choice field without choices', 'fields:\n  - key: a\n    type: choice\n    label: { en: A }\ninquiries: { field: null }\n', 'fields[0].choices', 2],
    ['a key declared twice', 'fields:\n  - { key: a, type: number, label: { en: A } }\n  - { key: a, type: number, label: { en: B } }\ninquiries: { field: a }\n', 'fields[1].key', 3],
    ['inquiries left counting into a field the file no longer declares', 'fields:\n  - { key: a, type: text, label: { en: A } }\n', 'inquiries.field', undefined],
    ['inquiries counting into a text field', 'fields:\n  - { key: a, type: text, label: { en: A } }\ninquiries:\n  field: a\n', 'inquiries.field', 4],
  ])('names the key and line of %s', (_name, text, key, line) => {
    try {
      parseSettings(text, 'hikeshi.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      expect(error).toMatchObject({ key, line });
    }
  });
});
