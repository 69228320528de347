import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from './client.js';

export type { SeverityMatch, SeverityResult, LocalizedText } from '../../../src/domain/severity/types.js';
export type { Evidence } from '../../../src/domain/conditions/types.js';

/** Why a policy text is refused (each at its line when known), and how each example fared. */
export type { PolicyProblem } from '../../../src/domain/severity/read-policy.js';
export type { ExampleOutcome } from '../../../src/domain/severity/examples.js';

/** The policy in force, and a dry run's answer. */
export type { PolicyView } from '../../../src/usecases/severity/policy-api.js';
export type { DryRun } from '../../../src/usecases/severity/evaluate-facts.js';
import type { PolicyView } from '../../../src/usecases/severity/policy-api.js';
import type { DryRun } from '../../../src/usecases/severity/evaluate-facts.js';

export const severityKeys = {
  policy: ['severity', 'policy'] as const,
};

export function useSeverityPolicy() {
  return useQuery({
    queryKey: severityKeys.policy,
    queryFn: () => api<PolicyView>('GET', '/severity/policy'),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** A refusal is a 422 whose `problems` say why, each at its line. */
export function useSavePolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api<PolicyView>('PUT', '/severity/policy', { text }),
    onSuccess: (policy) => client.setQueryData(severityKeys.policy, policy),
  });
}

/** Dry run: what the policy (the one in force, or the given text) makes of these facts. */
export function useEvaluateFacts() {
  return useMutation({
    mutationFn: (input: { facts: Record<string, unknown>; text?: string }) => api<DryRun>('POST', '/severity/evaluate', input),
  });
}
