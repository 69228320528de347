import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from './client.js';

export { INTEGRATION_KINDS, type IntegrationKind } from '../../../src/domain/alerts/alert.js';
import type { IntegrationKind } from '../../../src/domain/alerts/alert.js';
import type { AlertRoute } from '../../../src/domain/alerts/routing.js';
export type { AlertRoute } from '../../../src/domain/alerts/routing.js';

/** An integration as /api/v1/integrations answers: never the token, only its last characters. */
export interface IntegrationView {
  id: string;
  name: string;
  kind: IntegrationKind;
  tokenHint: string;
  hmacConfigured: boolean;
  hmacHeader: string | null;
  rateLimitPerMinute: number;
  routes: AlertRoute[];
  createdAt: string;
  updatedAt: string;
}

/** Creation and rotation answer the token itself, this once. */
export interface IntegrationWithToken extends IntegrationView {
  token: string;
}

export interface IntegrationInput {
  name: string;
  kind: IntegrationKind;
  hmacSecret?: string;
  hmacHeader?: string;
  rateLimitPerMinute?: number;
}

export interface IntegrationPatch {
  name?: string;
  rateLimitPerMinute?: number;
  hmacSecret?: string | null;
  hmacHeader?: string | null;
  routes?: unknown;
}

export const integrationKeys = {
  all: ['integrations'] as const,
  one: (id: string) => ['integrations', id] as const,
};

export function useIntegrations() {
  return useQuery({
    queryKey: integrationKeys.all,
    queryFn: () => api<{ items: IntegrationView[] }>('GET', '/integrations'),
    select: (data) => data.items,
  });
}

export function useIntegration(id: string) {
  return useQuery({
    queryKey: integrationKeys.one(id),
    queryFn: () => api<IntegrationView>('GET', `/integrations/${encodeURIComponent(id)}`),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export function useCreateIntegration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: IntegrationInput) => api<IntegrationWithToken>('POST', '/integrations', input),
    onSuccess: () => void client.invalidateQueries({ queryKey: integrationKeys.all }),
  });
}

export function useUpdateIntegration(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: IntegrationPatch) => api<IntegrationView>('PATCH', `/integrations/${encodeURIComponent(id)}`, patch),
    onSuccess: (integration) => {
      client.setQueryData(integrationKeys.one(id), integration);
      void client.invalidateQueries({ queryKey: integrationKeys.all, exact: true });
    },
  });
}

export function useRotateIntegrationToken(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<IntegrationWithToken>('POST', `/integrations/${encodeURIComponent(id)}/rotate-token`),
    onSuccess: ({ token: _token, ...integration }) => {
      client.setQueryData(integrationKeys.one(id), integration);
      void client.invalidateQueries({ queryKey: integrationKeys.all, exact: true });
    },
  });
}

export function useDeleteIntegration() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/integrations/${encodeURIComponent(id)}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: integrationKeys.all }),
  });
}
