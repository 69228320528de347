import { describe, expect, it } from 'vitest';
import { matchRoute } from './router.js';

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'root' }],
    ['/login', { name: 'login' }],
    ['/incidents', { name: 'incidents' }],
    ['/incidents/', { name: 'incidents' }],
    ['/incidents/new', { name: 'declare' }],
    ['/incidents/INC-12', { name: 'incident', ref: 'INC-12' }],
    ['/incidents/INC-12/extra', { name: 'notFound' }],
    ['/settings', { name: 'settings' }],
    ['/settings/slack', { name: 'notFound' }],
  ])('%s', (path, want) => {
    expect(matchRoute(path)).toEqual(want);
  });
});
