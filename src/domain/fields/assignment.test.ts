import { describe, expect, it } from 'vitest';
import { acceptedValues, readFieldAssignment } from './assignment.js';
import { DEFAULT_FIELDS } from './defaults.js';

describe('readFieldAssignment', () => {
  it.each([
    ['a key and a value', 'cs_inquiries 12', 'cs_inquiries', '12'],
    ['a label of two words and a grouped number', 'affected users 1,200', 'affected_users', '1,200'],
    ['a Japanese label', '個人情報の漏えい はい', 'personal_data_exposed', 'はい'],
    ['key=value', 'affected_vehicles=30', 'affected_vehicles', '30'],
    ['a full-width colon after a Japanese label', '影響車両数：30', 'affected_vehicles', '30'],
    ['a field with nothing after it', 'road_traffic_act', 'road_traffic_act', ''],
    ['a value of several words kept whole', 'road traffic act concern no', 'road_traffic_act', 'no'],
  ])('reads %s', (_name, text, key, value) => {
    const read = readFieldAssignment(DEFAULT_FIELDS, text);
    expect(read?.definition.key).toBe(key);
    expect(read?.value).toBe(value);
  });

  it('finds nothing when no leading words name a field', () => {
    expect(readFieldAssignment(DEFAULT_FIELDS, 'weather rainy')).toBeUndefined();
  });
});

describe('acceptedValues', () => {
  it.each([
    ['cs_inquiries', 'a whole number ≥ 0'],
    ['personal_data_exposed', 'yes or no (はい / いいえ)'],
  ])('%s takes %s', (key, text) => {
    expect(acceptedValues(DEFAULT_FIELDS.find((d) => d.key === key)!)).toBe(text);
  });
});
