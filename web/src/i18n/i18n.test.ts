import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { ja } from './ja.js';
import { interpolate, pickInitialLanguage } from './format.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  it('ja and en have exactly the same keys', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it('every translation keeps the placeholders of the English text', () => {
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders(ja[key as keyof typeof en]), key).toEqual(placeholders(text));
    }
  });

  it('no translation is empty', () => {
    for (const dict of [en, ja]) {
      for (const [key, text] of Object.entries(dict)) expect(text.trim(), key).not.toBe('');
    }
  });
});

describe('interpolate', () => {
  it('replaces each placeholder and leaves unknown ones visible', () => {
    expect(interpolate('{a} and {b}, {c}', { a: 1, b: 'two' })).toBe('1 and two, {c}');
  });
});

describe('pickInitialLanguage', () => {
  it.each([
    { stored: 'en', nav: ['ja-JP'], want: 'en' },
    { stored: null, nav: ['ja-JP', 'en'], want: 'ja' },
    { stored: null, nav: ['en-GB'], want: 'en' },
    { stored: 'fr', nav: ['fr-FR', 'ja'], want: 'ja' },
    { stored: null, nav: [], want: 'en' },
  ])('stored $stored, navigator $nav → $want', ({ stored, nav, want }) => {
    expect(pickInitialLanguage(stored, nav)).toBe(want);
  });
});
