import { ValidationError } from '../../errors.js';
import { pickText } from '../runbooks/text.js';
import { TEXT_VALUE_MAX, normalizeName, type FieldDefinition, type FieldValue } from './definition.js';

/**
 * Where a value comes from. `api`: JSON, typed as the field is (a number is a number).
 * `slack`: what a person typed — "1,200", "はい", a choice's label, a mention.
 */
export type ValueSource = 'api' | 'slack';

const YES = new Set(['yes', 'y', 'true', 'on', '1', 'はい', 'あり', '有', '該当', 'する']);
const NO = new Set(['no', 'n', 'false', 'off', '0', 'いいえ', 'なし', '無', '非該当', 'しない']);

/**
 * A value for a field, checked against its definition. A user field's value is the key
 * that names the person (an id, e-mail, name or Slack id); the caller finds the user.
 * null clears the field. Refusals name `fields.<key>`.
 */
export function coerceFieldValue(definition: FieldDefinition, raw: unknown, options: { from: ValueSource }): FieldValue {
  const refuse = (reason: string) => new ValidationError(`fields.${definition.key}`, reason);
  if (raw === null) return null;
  if (options.from === 'slack' && typeof raw !== 'string') throw refuse('must be text');
  const text = typeof raw === 'string' ? raw.normalize('NFKC').trim() : undefined;
  switch (definition.type) {
    case 'number': {
      const value = options.from === 'api' ? raw : parseNumberText(text ?? '');
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw refuse(options.from === 'api' ? `must be a number (got ${describe(raw)})` : `must be a number such as 12 or 1,200 (got "${String(raw)}")`);
      }
      if (definition.integer && !Number.isInteger(value)) throw refuse(`must be a whole number (got ${value})`);
      if (definition.min !== undefined && value < definition.min) throw refuse(`must be at least ${definition.min} (got ${value})`);
      if (definition.max !== undefined && value > definition.max) throw refuse(`must be at most ${definition.max} (got ${value})`);
      return value;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const word = text?.toLowerCase();
      if (options.from === 'slack' && word !== undefined && YES.has(word)) return true;
      if (options.from === 'slack' && word !== undefined && NO.has(word)) return false;
      throw refuse(options.from === 'api' ? `must be true or false (got ${describe(raw)})` : `must be yes or no (はい / いいえ) (got "${String(raw)}")`);
    }
    case 'text': {
      if (text === undefined) throw refuse(`must be a string (got ${describe(raw)})`);
      if (!text) return null;
      if ([...text].length > TEXT_VALUE_MAX) throw refuse(`must be at most ${TEXT_VALUE_MAX} characters`);
      return text;
    }
    case 'choice': {
      const choices = definition.choices ?? [];
      const allowed = choices.map((c) => c.value).join(', ');
      if (text === undefined) throw refuse(`must be one of ${allowed} (got ${describe(raw)})`);
      const wanted = normalizeName(text);
      const choice =
        choices.find((c) => c.value === text) ??
        (options.from === 'slack' ? choices.find((c) => [c.value, c.label.en, c.label.ja].some((n) => n !== undefined && normalizeName(n) === wanted)) : undefined);
      if (!choice) throw refuse(`must be one of ${allowed} (got "${text}")`);
      return choice.value;
    }
    case 'user': {
      if (text === undefined) throw refuse(`must name a person: a user id, e-mail, name or Slack user id (got ${describe(raw)})`);
      if (!text) return null;
      return options.from === 'slack' ? (/^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(text)?.[1] ?? text.replace(/^@/, '')) : text;
    }
  }
}

/** "1200", "1,200", "1 200", "+3", "2.5", "1200件" (a counter word after the number) — after NFKC, so full-width digits too. */
function parseNumberText(text: string): number | undefined {
  const bare = text.replace(/\s*(件|人|名|台|台数|人数)$/u, '');
  const grouped = /^[+-]?\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(bare);
  if (!grouped && !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(bare)) return undefined;
  return Number(grouped ? bare.replace(/[, ]/g, '') : bare);
}

function describe(raw: unknown): string {
  if (typeof raw === 'string') return `"${raw}"`;
  if (Array.isArray(raw)) return 'a list';
  return typeof raw === 'object' ? 'an object' : String(raw);
}

/** A value as people read it: "1,200", Yes / はい, a choice's label, "—" when unknown. Users are named by the caller. */
export function formatFieldValue(definition: FieldDefinition, value: FieldValue, language: 'en' | 'ja', userName?: (id: string) => string): string {
  if (value === null) return '—';
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (typeof value === 'boolean') return language === 'ja' ? (value ? 'はい' : 'いいえ') : value ? 'Yes' : 'No';
  if (definition.type === 'choice') {
    const choice = definition.choices?.find((c) => c.value === value);
    return choice ? pickText(choice.label, language) || value : value;
  }
  if (definition.type === 'user') return userName?.(value) ?? value;
  return value;
}
