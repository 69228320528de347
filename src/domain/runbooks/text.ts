import type { Language, LocalizedText } from './types.js';

/** The text in the reader's language, else the other one. */
export function pickText(text: LocalizedText, language: Language): string {
  return (language === 'ja' ? (text.ja ?? text.en) : (text.en ?? text.ja)) ?? '';
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9][A-Za-z0-9_-]*)\s*\}\}/g;

/** The step ids a message refers to as `{{step-id}}`. */
export function placeholders(text: LocalizedText): string[] {
  return [...new Set([text.en, text.ja].flatMap((t) => [...(t ?? '').matchAll(PLACEHOLDER)].map((m) => m[1]!)))];
}

/** Replaces `{{step-id}}` with that step's answer as people read it, or `—` when unanswered. */
export function fillPlaceholders(text: LocalizedText, answerText: (stepId: string, language: Language) => string | undefined): LocalizedText {
  const fill = (t: string | undefined, language: Language) => t?.replace(PLACEHOLDER, (_, id: string) => answerText(id, language) ?? '—');
  const out: LocalizedText = {};
  if (text.en !== undefined) out.en = fill(text.en, 'en');
  if (text.ja !== undefined) out.ja = fill(text.ja, 'ja');
  return out;
}
