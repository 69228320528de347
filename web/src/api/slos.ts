import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { getSlo, SloView } from '../../../src/usecases/slos/read-slos.js';
import { api, ApiError } from './client.js';

export type { SloView } from '../../../src/usecases/slos/read-slos.js';
export type { BurnWindow } from '../../../src/domain/slo/burn-rate.js';
/** GET /api/v1/slos/{id}: the SLO with its status now. */
export type SloDetail = Awaited<ReturnType<typeof getSlo>>;
export type SloStatusView = SloDetail['status'];
/** One problem of a refused import: file, line and field. */
export interface SloImportProblem {
  file: string;
  line?: number;
  column?: number;
  path: string;
  message: string;
}

export const sloKeys = {
  all: ['slos'] as const,
  list: ['slos', 'list'] as const,
  one: (id: string) => ['slos', 'one', id] as const,
};

/** Status moves every minute as data comes in. */
const STATUS_POLL_MS = 60_000;

export function useSloList() {
  return useQuery({ queryKey: sloKeys.list, queryFn: () => api<{ items: SloView[] }>('GET', '/slos') });
}

export function useSlo(id: string) {
  return useQuery({
    queryKey: sloKeys.one(id),
    queryFn: () => api<SloDetail>('GET', `/slos/${encodeURIComponent(id)}`),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    refetchInterval: STATUS_POLL_MS,
  });
}

/** The list answers definitions only: each row reads its SLO's status. */
export function useSloStatuses(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({ queryKey: sloKeys.one(id), queryFn: () => api<SloDetail>('GET', `/slos/${encodeURIComponent(id)}`), refetchInterval: STATUS_POLL_MS })),
  });
}

export function useImportSlos() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { text: string; file?: string }) => api<{ items: SloView[]; created: string[]; updated: string[] }>('POST', '/slos/import', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: sloKeys.all }),
  });
}

export function useDeleteSlo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/slos/${encodeURIComponent(id)}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: sloKeys.all }),
  });
}

/** The problems of a refused import (422), or none. */
export function importProblems(error: unknown): SloImportProblem[] {
  return error instanceof ApiError && Array.isArray(error.problem.problems) ? (error.problem.problems as SloImportProblem[]) : [];
}
