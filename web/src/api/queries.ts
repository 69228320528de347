import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, query, setCsrfToken } from './client.js';
import type {
  Declaration,
  Incident,
  IncidentFilters,
  IncidentPatch,
  Meta,
  Page,
  Service,
  Session,
  SlackStatus,
  TimelineEvent,
  User,
} from './types.js';

export const keys = {
  session: ['session'] as const,
  meta: ['meta'] as const,
  users: ['users'] as const,
  services: ['services'] as const,
  incidents: ['incidents'] as const,
  incidentList: (filters: IncidentFilters) => ['incidents', 'list', filters] as const,
  incident: (ref: string) => ['incident', ref.toUpperCase()] as const,
  timeline: (ref: string) => ['incident', ref.toUpperCase(), 'timeline'] as const,
  slackStatus: ['slack', 'status'] as const,
};

export function useSession() {
  return useQuery({
    queryKey: keys.session,
    queryFn: async (): Promise<Session | null> => {
      try {
        const session = await api<Session>('GET', '/session');
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api<Session>('POST', '/session', input),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.clear();
      client.setQueryData(keys.session, session);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('DELETE', '/session'),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(keys.session, null);
    },
  });
}

export function useMeta() {
  return useQuery({ queryKey: keys.meta, queryFn: () => api<Meta>('GET', '/meta'), staleTime: Infinity });
}

/** Reads every page of a small catalogue (users, services); capped so a huge one cannot hang the UI. */
async function listAll<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 20; page++) {
    const result: Page<T> = await api<Page<T>>('GET', `${path}${query({ limit: 200, cursor })}`);
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export function useUsers() {
  return useQuery({ queryKey: keys.users, queryFn: () => listAll<User>('/users'), staleTime: 5 * 60_000 });
}

export function useServices() {
  return useQuery({ queryKey: keys.services, queryFn: () => listAll<Service>('/services'), staleTime: 5 * 60_000 });
}

export const PAGE_SIZE = 50;

export function useIncidentList(filters: IncidentFilters) {
  return useInfiniteQuery({
    queryKey: keys.incidentList(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<Page<Incident>>(
        'GET',
        `/incidents${query({
          status: filters.status.join(','),
          severity: filters.severity,
          service: filters.service,
          declaredFrom: filters.declaredFrom,
          declaredTo: filters.declaredTo,
          q: filters.q.trim(),
          limit: PAGE_SIZE,
          cursor: pageParam,
        })}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useIncident(ref: string) {
  return useQuery({
    queryKey: keys.incident(ref),
    queryFn: () => api<Incident>('GET', `/incidents/${encodeURIComponent(ref)}`),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export function useTimeline(ref: string) {
  return useQuery({
    queryKey: keys.timeline(ref),
    queryFn: () => api<{ items: TimelineEvent[] }>('GET', `/incidents/${encodeURIComponent(ref)}/timeline`),
    select: (data) => data.items,
  });
}

export function useUpdateIncident(ref: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: IncidentPatch) => api<Incident>('PATCH', `/incidents/${encodeURIComponent(ref)}`, patch),
    onSuccess: (incident) => {
      client.setQueryData(keys.incident(ref), incident);
      void client.invalidateQueries({ queryKey: keys.timeline(ref) });
      void client.invalidateQueries({ queryKey: keys.incidents });
    },
    onError: (error) => {
      // Someone else changed the incident (409) or it moved on: refresh what the controls offer.
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) {
        void client.invalidateQueries({ queryKey: keys.incident(ref) });
        void client.invalidateQueries({ queryKey: keys.timeline(ref) });
      }
    },
  });
}

export function useAddTimelineEntry(ref: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entry: { kind: 'note' | 'status_update'; body: string }) =>
      api<TimelineEvent>('POST', `/incidents/${encodeURIComponent(ref)}/timeline`, entry),
    onSuccess: (event) => {
      client.setQueryData<{ items: TimelineEvent[] }>(keys.timeline(ref), (old) =>
        old && !old.items.some((e) => e.id === event.id) ? { items: [...old.items, event] } : old,
      );
      void client.invalidateQueries({ queryKey: keys.timeline(ref) });
    },
  });
}

export function useDeclareIncident() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Declaration) => api<Incident>('POST', '/incidents', input),
    onSuccess: (incident) => {
      client.setQueryData(keys.incident(incident.reference), incident);
      void client.invalidateQueries({ queryKey: keys.incidents });
    },
  });
}

export function useSlackStatus() {
  return useQuery({ queryKey: keys.slackStatus, queryFn: () => api<SlackStatus>('GET', '/slack/status'), staleTime: 30_000 });
}
