import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import {
  checkIntervalMinutes,
  classifyStatus,
  conditionalHeaders,
  contentTypeProblem,
  maskUrl,
  nextCheckAt,
  parseSourceUrl,
  retryAfterMs,
} from './rota-fetch-policy.js';

const GOOGLE = 'https://docs.google.com/spreadsheets/d/e/2PACX-1vQxSecretKeyOfTheSheet0123456789abcdef/pub?gid=0&single=true&output=csv';

describe('maskUrl', () => {
  it.each([
    ['hides the key of a Google published sheet and every query value', GOOGLE, 'https://docs.google.com/spreadsheets/d/e/2PAC…/pub?gid=…&single=…&output=…'],
    ['hides user and password', 'https://alice:hunter2@example.com/rota.csv', 'https://…@example.com/rota.csv'],
    ['hides a token in the query and drops the fragment', 'http://intranet:8080/rota.csv?token=abc#frag', 'http://intranet:8080/rota.csv?token=…'],
    ['keeps a short plain path as it is', 'https://example.com/team/rota.csv', 'https://example.com/team/rota.csv'],
    ['hides a long path segment that is not obviously a key', 'https://example.com/files/0123456789abcdef/rota.csv', 'https://example.com/files/0123…/rota.csv'],
    ['does not echo text that is not a URL', 'not a url with secret', '[not a URL]'],
  ])('%s', (_name, url, masked) => {
    expect(maskUrl(url)).toBe(masked);
    expect(maskUrl(url)).not.toContain('Secret');
  });
});

describe('parseSourceUrl', () => {
  it.each([
    ['refuses ftp', 'ftp://example.com/rota.csv', 'must be http or https, not ftp'],
    ['refuses a file path', '/tmp/rota.csv', 'is not a URL (expected https://…)'],
    ['refuses javascript:', 'javascript:alert(1)', 'must be http or https, not javascript'],
    ['refuses an address over 2,048 characters', `https://example.com/${'a'.repeat(2_048)}`, 'must be at most 2048 characters'],
  ])('%s', (_name, text, reason) => {
    expect(() => parseSourceUrl(text)).toThrow(new ValidationError('url', reason));
  });

  it('accepts http and https, trimming spaces pasted around the address', () => {
    expect(parseSourceUrl(` ${GOOGLE} `).hostname).toBe('docs.google.com');
    expect(parseSourceUrl('http://127.0.0.1:8080/rota.csv').port).toBe('8080');
  });
});

describe('checkIntervalMinutes', () => {
  it.each([
    ['defaults to 15 minutes', undefined, 15],
    ['accepts the 5-minute floor', 5, 5],
    ['accepts a day', 1_440, 1_440],
  ])('%s', (_name, given, minutes) => expect(checkIntervalMinutes(given)).toBe(minutes));

  it.each([['below the floor', 4], ['over a day', 1_441], ['a fraction', 7.5]])('refuses %s', (_name, given) => {
    expect(() => checkIntervalMinutes(given)).toThrow(ValidationError);
  });
});

describe('conditionalHeaders', () => {
  it.each([
    ['sends nothing before the first applied file', null, {}],
    ['sends both validators', { etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' }, { 'if-none-match': '"v1"', 'if-modified-since': 'Tue, 01 Dec 2026 10:00:00 GMT' }],
    ['sends a weak ETag unchanged when there is no Last-Modified', { etag: 'W/"v1"', lastModified: null }, { 'if-none-match': 'W/"v1"' }],
    ['sends Last-Modified alone when the server gave no ETag', { etag: null, lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' }, { 'if-modified-since': 'Tue, 01 Dec 2026 10:00:00 GMT' }],
  ])('%s', (_name, validators, headers) => expect(conditionalHeaders(validators)).toEqual(headers));
});

describe('classifyStatus', () => {
  it.each([
    [304, 'not_modified'],
    [200, 'content'],
    [203, 'content'],
    [408, 'transient'],
    [429, 'transient'],
    [500, 'transient'],
    [503, 'transient'],
    [404, 'refused'],
    [403, 'refused'],
    [410, 'refused'],
    [301, 'refused'],
  ] as const)('%i is %s (a redirect left over after following them is refused)', (status, expected) => {
    expect(classifyStatus(status)).toBe(expected);
  });
});

describe('contentTypeProblem', () => {
  it.each([
    ['accepts Google\'s text/csv with a charset', 'text/csv; charset=utf-8', null],
    ['accepts a missing type', null, null],
    ['accepts text/plain', 'text/plain', null],
    ['refuses the HTML sign-in page of an unpublished sheet', 'text/html; charset=utf-8', 'the address answered with a web page (text/html), not CSV: is the sheet published as CSV?'],
    ['refuses JSON', 'application/json', 'the address answered with application/json, not CSV'],
  ])('%s', (_name, type, problem) => expect(contentTypeProblem(type)).toBe(problem));
});

describe('retryAfterMs and nextCheckAt', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  it.each([
    ['reads seconds', '120', 120_000],
    ['reads an HTTP date', 'Tue, 01 Dec 2026 10:01:00 GMT', 60_000],
    ['reads a date in the past as now', 'Tue, 01 Dec 2026 09:00:00 GMT', 0],
    ['ignores garbage', 'soon', undefined],
    ['ignores an absent header', null, undefined],
  ])('%s', (_name, header, ms) => expect(retryAfterMs(header, now)).toBe(ms));

  it('falls due one interval after the check, across midnight', () => {
    expect(nextCheckAt(new Date('2026-12-01T23:50:00Z'), 15).toISOString()).toBe('2026-12-02T00:05:00.000Z');
  });
});
