export const LANGUAGES = ['ja', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Lang, string> = { ja: '日本語', en: 'English' };
export const STORAGE_KEY = 'hikeshi.lang';

function asLang(value: string | null | undefined): Lang | undefined {
  const base = value?.toLowerCase().split('-')[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Lang) : undefined;
}

/** A remembered choice wins; otherwise the first browser language we speak; else English. */
export function pickInitialLanguage(stored: string | null, navigatorLanguages: readonly string[]): Lang {
  const remembered = stored && (LANGUAGES as readonly string[]).includes(stored) ? (stored as Lang) : undefined;
  if (remembered) return remembered;
  for (const candidate of navigatorLanguages) {
    const lang = asLang(candidate);
    if (lang) return lang;
  }
  return 'en';
}

export function interpolate(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** Splits a template into text and placeholder names, so React nodes can be slotted in. */
export function splitTemplate(template: string): Array<{ text: string } | { slot: string }> {
  const parts: Array<{ text: string } | { slot: string }> = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ text: template.slice(last, index) });
    parts.push({ slot: match[1] ?? '' });
    last = index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}
