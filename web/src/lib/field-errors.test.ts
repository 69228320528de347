import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { fieldMessage, unplacedError } from './field-errors.js';

const refused = new ApiError(422, 'Unprocessable content', 'levels[1].targets[0].id: unknown schedule "x"', 'levels[1].targets[0].id');

describe('field errors', () => {
  it('gives the reason without the field name to the field the problem names, and nothing to others', () => {
    expect(fieldMessage(refused, 'levels[1].targets[0].id')).toBe('unknown schedule "x"');
    expect(fieldMessage(refused, 'levels[0].targets[0].id')).toBeNull();
    expect(fieldMessage(new Error('boom'), 'name')).toBeNull();
  });

  it('keeps a problem for the general message only when no field on the form shows it', () => {
    expect(unplacedError(refused, (f) => f.startsWith('levels['))).toBeNull();
    expect(unplacedError(refused, () => false)).toBe(refused);
    const conflict = new ApiError(409, 'Conflict', 'in use', undefined);
    expect(unplacedError(conflict, () => true)).toBe(conflict);
  });
});
