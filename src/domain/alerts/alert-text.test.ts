import { describe, expect, it } from 'vitest';
import { clip, incidentTitleFor, pageDetailsFor, pageMessageFor } from './alert-text.js';

const alert = { number: 7, title: 'Disk full', summary: '', severity: 'critical' as const, labels: { host: 'db-1' }, source: 'alertmanager' as const };

describe('alert text', () => {
  it.each([
    ['short text stays', 'abc', 5, 'abc'],
    ['long text ends in an ellipsis at the limit', 'abcdefgh', 5, 'abcd…'],
    ['counts code points, not UTF-16 units (Japanese and emoji)', 'ディスク満杯🔥です', 7, 'ディスク満杯…'],
  ])('clip: %s', (_name, text, max, expected) => {
    expect(clip(text, max)).toBe(expected);
    expect([...clip(text, max)].length).toBeLessThanOrEqual(max);
  });

  it('the page says severity and title; details list labels and the source', () => {
    expect(pageMessageFor(alert)).toBe('[critical] Disk full');
    expect(pageDetailsFor(alert)).toBe('host=db-1\n\nAlert #7 from alertmanager');
  });

  it('an incident title within the incident limit, never empty', () => {
    expect([...incidentTitleFor({ ...alert, title: 'x'.repeat(300) })]).toHaveLength(200);
    expect(incidentTitleFor({ ...alert, title: '   ' })).toBe('Alert #7');
  });
});
