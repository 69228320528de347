import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from './client.js';

export type { SeverityMatch, SeverityResult, LocalizedText } from '../../../src/domain/severity/types.js';
export type { Evidence } from '../../../src/domain/conditions/types.js';
import type { SeverityResult } from '../../../src/domain/severity/types.js';

/** Why a policy text is refused (each at its line when known), and how each example fared. */
export type { PolicyProblem } from '../../../src/domain/severity/read-policy.js';
export type { ExampleOutcome } from '../../../src/domain/severity/examples.js';
import type { PolicyProblem } from '../../../src/domain/severity/read-policy.js';
import type { ExampleOutcome } from '../../../src/domain/severity/examples.js';

export interface PolicyCheck {
  ok: boolean;
  problems: PolicyProblem[];
  examples: ExampleOutcome[];
}

/** The policy in force. */
export interface PolicyInForce {
  version: number;
  source: 'file' | 'api';
  text: string;
  createdAt?: string;
}

export const severityKeys = {
  policy: ['severity', 'policy'] as const,
  check: (text: string) => ['severity', 'check', text] as const,
};

export function useSeverityPolicy() {
  return useQuery({ queryKey: severityKeys.policy, queryFn: () => api<PolicyInForce>('GET', '/severity/policy') });
}

/** How long typing must pause before the text is checked again. */
const CHECK_DELAY_MS = 250;

/**
 * The server's own reading of the text as it is typed (its examples run too): `checkedText`
 * says which text the answer is about, so a stale answer is never shown as the current one.
 */
export function usePolicyCheck(text: string | null) {
  const [debounced, setDebounced] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const check = useQuery({
    queryKey: severityKeys.check(debounced ?? ''),
    queryFn: async () => ({ text: debounced ?? '', check: await api<PolicyCheck>('POST', '/severity/validate', { text: debounced }) }),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
  return { ...check, checkedText: check.data?.text ?? null };
}

/** A refusal is a 422 whose `problems` say why, each at its line. */
export function useSavePolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api<PolicyInForce>('PUT', '/severity/policy', { text }),
    onSuccess: (policy) => client.setQueryData(severityKeys.policy, policy),
  });
}

/** Dry run: what the policy (the one in force, or the given text) makes of these facts. */
export function useEvaluateFacts() {
  return useMutation({
    mutationFn: (input: { facts: Record<string, unknown>; text?: string }) => api<SeverityResult>('POST', '/severity/evaluate', input),
  });
}
