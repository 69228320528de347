import { describe, expect, it } from 'vitest';
import { notHereText } from './answers.js';

describe('notHereText', () => {
  it.each([
    [['C0INCIDENTS'], '<#C0INCIDENTS> or an incident\'s own channel'],
    [['C1', 'C2'], '<#C1>, <#C2> or an incident\'s own channel'],
    [[], "an incident's own channel"],
  ])('names the channels where it works: %j', (channels, where) => {
    expect(notHereText('/incident', channels)).toBe(`:no_entry: \`/incident\` does not work in this channel. Use it in ${where}.`);
  });
});
