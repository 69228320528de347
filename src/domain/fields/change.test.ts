import { describe, expect, it } from 'vitest';
import { countInquiry, coerceFields, setFields } from './change.js';
import { DEFAULT_FIELDS } from './defaults.js';

describe('setting fields', () => {
  it('refuses a field no one declared, naming it', () => {
    expect(() => coerceFields({ weather: 'rain' }, DEFAULT_FIELDS, 'api')).toThrow(/fields\.weather: is not a declared field \(declared: cs_inquiries/);
  });

  it('treats __proto__ as an unknown field, not as the object prototype', () => {
    expect(() => coerceFields(JSON.parse('{"__proto__": 1}'), DEFAULT_FIELDS, 'api')).toThrow(/fields\.__proto__: is not a declared field/);
  });

  it('writes one field.changed per changed field and nothing for a repeated value', () => {
    const { fields, timeline } = setFields({ cs_inquiries: 3 }, [
      { key: 'cs_inquiries', value: 3 },
      { key: 'personal_data_exposed', value: true },
    ]);
    expect(fields).toEqual({ cs_inquiries: 3, personal_data_exposed: true });
    expect(timeline).toEqual([{ kind: 'field.changed', payload: { field: 'personal_data_exposed', from: null, to: true } }]);
  });

  it('clearing a field removes it', () => {
    const { fields, timeline } = setFields({ affected_users: 10 }, [{ key: 'affected_users', value: null }]);
    expect(fields).toEqual({});
    expect(timeline[0]).toMatchObject({ payload: { from: 10, to: null } });
  });

  it('counts an inquiry from nothing as the first one', () => {
    expect(countInquiry({}, 'cs_inquiries')).toEqual({ fields: { cs_inquiries: 1 }, from: 0, to: 1 });
    expect(countInquiry({ cs_inquiries: 41 }, 'cs_inquiries').to).toBe(42);
  });
});
