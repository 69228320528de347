import type { Condition, Evidence, Facts } from '../conditions/types.js';

export interface LocalizedText {
  en: string;
  ja: string;
}

export interface SeverityRule {
  id: string;
  severity: string;
  reason: LocalizedText;
  when: Condition;
}

export interface SeverityExample {
  name: string;
  facts: Facts;
  /** A severity, or `null` for "no rule matches". */
  expect: string | null;
}

export interface SeverityPolicy {
  version: 1;
  rules: SeverityRule[];
  examples: SeverityExample[];
}

export interface SeverityMatch {
  ruleId: string;
  severity: string;
  reason: LocalizedText;
  evidence: Evidence[];
}

/** `severity` is absent when no rule matched: the policy has no opinion. */
export interface SeverityResult {
  severity?: string;
  matches: SeverityMatch[];
}
