import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, query } from './client.js';
import type { Page } from './types.js';

export type { AlertLink, AlertStatus, AlertTimelineEvent } from '../../../src/domain/alerts/alert.js';
/** An alert as /api/v1/alerts answers: the stored alert with what it links to named. */
export type { AlertView } from '../../../src/usecases/alerts/read-alerts.js';
import type { AlertStatusFilter as ServerStatusFilter, AlertView } from '../../../src/usecases/alerts/read-alerts.js';

/** The server's filters, and `all` for no status filter. */
export type AlertStatusFilter = ServerStatusFilter | 'all';

export interface AlertFilters {
  status: AlertStatusFilter;
  integration?: string;
  service?: string;
  q?: string;
}

export const alertKeys = {
  all: ['alerts'] as const,
  list: (filters: AlertFilters) => ['alerts', 'list', filters] as const,
  one: (id: string) => ['alerts', 'one', id] as const,
};

const ALERT_PAGE_SIZE = 50;

/** Alerts arrive on their own: the list polls. */
export function useAlertList(filters: AlertFilters) {
  return useInfiniteQuery({
    queryKey: alertKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<Page<AlertView>>(
        'GET',
        `/alerts${query({ status: filters.status === 'all' ? undefined : filters.status, integration: filters.integration, service: filters.service, q: filters.q, limit: ALERT_PAGE_SIZE, cursor: pageParam })}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 10_000,
  });
}

export function useAlert(id: string) {
  return useQuery({
    queryKey: alertKeys.one(id),
    queryFn: () => api<AlertView>('GET', `/alerts/${encodeURIComponent(id)}`),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    refetchInterval: (q) => (q.state.data?.status === 'resolved' ? false : 10_000),
  });
}

/** Acknowledge or resolve; a refusal (resolved meanwhile) refreshes what is shown. */
export function useAlertAction(action: 'acknowledge' | 'resolve') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<AlertView>('POST', `/alerts/${encodeURIComponent(id)}/${action}`),
    onSettled: () => void client.invalidateQueries({ queryKey: alertKeys.all }),
  });
}
