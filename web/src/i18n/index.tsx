import { createContext, Fragment, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './en.js';
import { ja } from './ja.js';
import { interpolate, pickInitialLanguage, splitTemplate, STORAGE_KEY, type Lang } from './format.js';

export type { MessageKey } from './en.js';
export { LANGUAGES, LANGUAGE_NAMES, type Lang } from './format.js';

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { en, ja };

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** Plain text with `{name}` placeholders filled in. */
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** Like `t`, but placeholders may be React nodes (badges, names), in the language's word order. */
  tx: (key: MessageKey, vars: Record<string, ReactNode>) => ReactNode;
  /** Translates a known dynamic key (status, role, ...) or falls back to the raw value. */
  label: (prefix: LabelPrefix, value: string) => string;
}

export type LabelPrefix = 'status' | 'role' | 'ts' | 'field' | 'pageStatus' | 'pageEvent' | 'channel' | 'delivery' | 'source' | 'syncResult' | 'leftOut' | 'rotaOutcome' | 'stepType' | 'action' | 'runStatus' | 'pmStatus' | 'duration' | 'aiStatus';

const I18nContext = createContext<I18n | null>(null);

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() =>
    pickInitialLanguage(readStored(), navigator.languages?.length ? navigator.languages : [navigator.language]),
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[lang];
    const t: I18n['t'] = (key, vars) => interpolate(dict[key], vars);
    const tx: I18n['tx'] = (key, vars) =>
      splitTemplate(dict[key]).map((part, i) =>
        'text' in part ? <Fragment key={i}>{part.text}</Fragment> : <Fragment key={i}>{vars[part.slot] ?? `{${part.slot}}`}</Fragment>,
      );
    const label: I18n['label'] = (prefix, value) => {
      const key = `${prefix}.${value}`;
      return key in dict ? dict[key as MessageKey] : value;
    };
    return { lang, setLang, t, tx, label };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
