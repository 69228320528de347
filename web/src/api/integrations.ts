import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from './client.js';

export { INTEGRATION_KINDS, type IntegrationKind } from '../../../src/domain/alerts/alert.js';
export type { IntegrationView } from '../../../src/usecases/integrations/integration-view.js';
import type { Static } from 'typebox';
import type { IntegrationCreateBody, IntegrationPatchBody } from '../../../src/http/integration-schemas.js';
import type { IntegrationView } from '../../../src/usecases/integrations/integration-view.js';

/** Creation and rotation answer the token itself, this once. */
export type IntegrationWithToken = IntegrationView & { token: string };
export type IntegrationInput = Static<typeof IntegrationCreateBody>;
export type IntegrationPatch = Static<typeof IntegrationPatchBody>;

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
