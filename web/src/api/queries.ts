import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, query, setCsrfToken } from './client.js';
import type {
  ActionItem,
  ActionItemInput,
  CalendarToken,
  Declaration,
  EscalationPolicy,
  EscalationPolicyInput,
  Incident,
  IncidentFilters,
  IncidentPatch,
  Meta,
  OnCallAnswer,
  Page,
  PageFilter,
  PageInput,
  PageRecord,
  PostmortemPatch,
  PostmortemStatus,
  PostmortemView,
  RotaSourceStatus,
  RunbookDetail,
  RunbookSummary,
  RunView,
  StepAction,
  Schedule,
  ScheduleOverride,
  ScheduleShifts,
  Service,
  Session,
  SlackStatus,
  Team,
  TimelineEvent,
  User,
  UserGroupStatus,
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
  teams: ['teams'] as const,
  oncall: ['oncall'] as const,
  schedules: ['schedules'] as const,
  schedule: (id: string) => ['schedules', id] as const,
  shifts: (id: string, from: string, to: string) => ['schedules', id, 'shifts', from, to] as const,
  policies: ['escalation-policies'] as const,
  policy: (id: string) => ['escalation-policies', id] as const,
  pages: ['pages'] as const,
  pageList: (filter: PageFilter) => ['pages', 'list', filter] as const,
  page: (id: string) => ['pages', id] as const,
  runbooks: ['runbooks'] as const,
  runbook: (id: string) => ['runbooks', id] as const,
  runs: (ref: string) => ['incident', ref.toUpperCase(), 'runbook-runs'] as const,
  postmortem: (ref: string) => ['incident', ref.toUpperCase(), 'postmortem'] as const,
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

export function useTeams() {
  return useQuery({ queryKey: keys.teams, queryFn: () => listAll<Team>('/teams'), staleTime: 5 * 60_000 });
}

/** Who is on call now on every schedule; refreshed each minute so handoffs show up. */
export function useOnCallNow() {
  return useQuery({ queryKey: keys.oncall, queryFn: () => api<OnCallAnswer>('GET', '/oncall'), refetchInterval: 60_000 });
}

export function useSchedules() {
  return useQuery({ queryKey: keys.schedules, queryFn: () => listAll<Schedule>('/schedules') });
}

export function useSchedule(id: string) {
  return useQuery({
    queryKey: keys.schedule(id),
    queryFn: () => api<Schedule>('GET', `/schedules/${encodeURIComponent(id)}`),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export function useScheduleShifts(id: string, from: string, to: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: keys.shifts(id, from, to),
    queryFn: () => api<ScheduleShifts>('GET', `/schedules/${encodeURIComponent(id)}/shifts${query({ from, to })}`),
    enabled: options.enabled ?? true,
  });
}

/** An override changes the schedule, its shifts and who is on call now. */
function useScheduleChange(id: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: keys.schedules });
    void client.invalidateQueries({ queryKey: keys.schedule(id) });
    void client.invalidateQueries({ queryKey: keys.oncall });
  };
}

/** Every schedule's final shifts over [from, to) (one request per schedule, shared with the schedule pages' cache). */
export function useShiftsOfSchedules(scheduleIds: string[], from: string, to: string) {
  return useQueries({
    queries: scheduleIds.map((id) => ({
      queryKey: keys.shifts(id, from, to),
      queryFn: () => api<ScheduleShifts>('GET', `/schedules/${encodeURIComponent(id)}/shifts${query({ from, to })}`),
    })),
  });
}

/** A schedule's optional sync (Slack user group, spreadsheet rota): null when it has none (404). */
async function optional<T>(path: string): Promise<T | null> {
  try {
    return await api<T>('GET', path);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function useUserGroupStatus(scheduleId: string) {
  return useQuery({
    queryKey: [...keys.schedule(scheduleId), 'slack-user-group'],
    queryFn: () => optional<UserGroupStatus>(`/schedules/${encodeURIComponent(scheduleId)}/slack-user-group`),
  });
}

export function useRotaSource(scheduleId: string) {
  return useQuery({
    queryKey: [...keys.schedule(scheduleId), 'rota-source'],
    queryFn: () => optional<RotaSourceStatus>(`/schedules/${encodeURIComponent(scheduleId)}/rota-source`),
  });
}

export function useAddOverride(scheduleId: string) {
  const changed = useScheduleChange(scheduleId);
  return useMutation({
    mutationFn: (input: { userId: string; start: string; end: string }) =>
      api<ScheduleOverride>('POST', `/schedules/${encodeURIComponent(scheduleId)}/overrides`, input),
    onSuccess: changed,
  });
}

export function useRemoveOverride(scheduleId: string) {
  const changed = useScheduleChange(scheduleId);
  return useMutation({
    mutationFn: (overrideId: string) => api<void>('DELETE', `/schedules/${encodeURIComponent(scheduleId)}/overrides/${encodeURIComponent(overrideId)}`),
    onSuccess: changed,
  });
}

export function useScheduleCalendarToken(scheduleId: string) {
  return useMutation({ mutationFn: () => api<CalendarToken>('POST', `/schedules/${encodeURIComponent(scheduleId)}/calendar-token`) });
}

export function useUserCalendarToken(userId: string) {
  return useMutation({ mutationFn: () => api<CalendarToken>('POST', `/users/${encodeURIComponent(userId)}/calendar-token`) });
}

export function useEscalationPolicies() {
  return useQuery({ queryKey: keys.policies, queryFn: () => listAll<EscalationPolicy>('/escalation-policies') });
}

export function useEscalationPolicy(id: string | null) {
  return useQuery({
    queryKey: keys.policy(id ?? ''),
    queryFn: () => api<EscalationPolicy>('GET', `/escalation-policies/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

export function useSaveEscalationPolicy(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EscalationPolicyInput) =>
      id === null
        ? api<EscalationPolicy>('POST', '/escalation-policies', input)
        : api<EscalationPolicy>('PUT', `/escalation-policies/${encodeURIComponent(id)}`, input),
    onSuccess: (policy) => {
      client.setQueryData(keys.policy(policy.id), policy);
      void client.invalidateQueries({ queryKey: keys.policies });
    },
  });
}

export function useDeleteEscalationPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/escalation-policies/${encodeURIComponent(id)}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.policies }),
  });
}

/** Open pages change on their own (escalation, Slack buttons): the list polls. */
export function usePageList(filter: PageFilter) {
  return useInfiniteQuery({
    queryKey: keys.pageList(filter),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<Page<PageRecord>>(
        'GET',
        `/pages${query({ status: filter === 'mine' ? 'open' : filter, mine: filter === 'mine' ? 'true' : undefined, limit: PAGE_SIZE, cursor: pageParam })}`,
      ),
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 15_000,
  });
}

export function usePage(id: string) {
  return useQuery({
    queryKey: keys.page(id),
    queryFn: () => api<PageRecord>('GET', `/pages/${encodeURIComponent(id)}`),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    refetchInterval: (q) => (q.state.data?.status === 'resolved' ? false : 15_000),
  });
}

export function useTriggerPage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PageInput) => api<PageRecord>('POST', '/pages', input),
    onSuccess: (page) => {
      client.setQueryData(keys.page(page.id), page);
      void client.invalidateQueries({ queryKey: keys.pages });
    },
  });
}

/** Acknowledge or resolve; a 409 (resolved meanwhile) refreshes what the page shows. */
export function usePageAction(action: 'acknowledge' | 'resolve') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<PageRecord>('POST', `/pages/${encodeURIComponent(id)}/${action}`),
    onSuccess: (page) => {
      client.setQueryData<PageRecord>(keys.page(page.id), (old) => (old?.events && !page.events ? { ...page, events: old.events } : page));
      void client.invalidateQueries({ queryKey: keys.pages });
    },
    onError: () => void client.invalidateQueries({ queryKey: keys.pages }),
  });
}

export function useRunbooks() {
  return useQuery({ queryKey: keys.runbooks, queryFn: () => api<{ items: RunbookSummary[] }>('GET', '/runbooks'), select: (data) => data.items });
}

export function useRunbook(id: string | null) {
  return useQuery({
    queryKey: keys.runbook(id ?? ''),
    queryFn: () => api<RunbookDetail>('GET', `/runbooks/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** Saves the YAML under the id it declares (PUT creates or replaces an API-sourced runbook). */
export function useSaveRunbook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, yaml }: { id: string; yaml: string }) => api<RunbookDetail>('PUT', `/runbooks/${encodeURIComponent(id)}`, { yaml }),
    onSuccess: (runbook) => {
      client.setQueryData(keys.runbook(runbook.id), runbook);
      void client.invalidateQueries({ queryKey: keys.runbooks });
    },
  });
}

export function useDeleteRunbook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/runbooks/${encodeURIComponent(id)}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.runbooks }),
  });
}

/** Runs move on from Slack too: the panel polls while one is running. */
export function useRunbookRuns(ref: string) {
  return useQuery({
    queryKey: keys.runs(ref),
    queryFn: () => api<{ items: RunView[] }>('GET', `/incidents/${encodeURIComponent(ref)}/runbook-runs`),
    select: (data) => data.items,
    refetchInterval: (q) => (q.state.data?.items.some((run) => run.status === 'running') ? 10_000 : false),
  });
}

/** A run's answer replaces it in the list, and the incident and its timeline (fields it wrote, entries) refresh. */
function useRunChange(ref: string) {
  const client = useQueryClient();
  return (run: RunView) => {
    client.setQueryData<{ items: RunView[] }>(keys.runs(ref), (old) => {
      if (!old) return { items: [run] };
      return old.items.some((r) => r.id === run.id) ? { items: old.items.map((r) => (r.id === run.id ? run : r)) } : { items: [...old.items, run] };
    });
    void client.invalidateQueries({ queryKey: keys.incident(ref), exact: true });
    void client.invalidateQueries({ queryKey: keys.timeline(ref) });
  };
}

export function useStartRun(ref: string) {
  const changed = useRunChange(ref);
  return useMutation({
    mutationFn: (runbookId: string) => api<RunView>('POST', `/incidents/${encodeURIComponent(ref)}/runbook-runs`, { runbookId }),
    onSuccess: changed,
  });
}

/** Acts on one step; a 409 (someone answered first, in Slack or here) refreshes the runs. */
export function useRunStep(ref: string) {
  const client = useQueryClient();
  const changed = useRunChange(ref);
  return useMutation({
    mutationFn: ({ runId, stepId, action, value }: { runId: string; stepId: string; action: StepAction; value?: unknown }) =>
      api<RunView>('POST', `/runbook-runs/${encodeURIComponent(runId)}/steps/${encodeURIComponent(stepId)}`, value === undefined ? { action } : { action, value }),
    onSuccess: changed,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void client.invalidateQueries({ queryKey: keys.runs(ref) });
    },
  });
}

export function useRunBack(ref: string) {
  const changed = useRunChange(ref);
  return useMutation({
    mutationFn: (runId: string) => api<RunView>('POST', `/runbook-runs/${encodeURIComponent(runId)}/back`),
    onSuccess: changed,
  });
}

export function useAbandonRun(ref: string) {
  const changed = useRunChange(ref);
  return useMutation({
    mutationFn: ({ runId, reason }: { runId: string; reason: string }) => api<RunView>('POST', `/runbook-runs/${encodeURIComponent(runId)}/abandon`, { reason }),
    onSuccess: changed,
  });
}

/** The incident's postmortem; null until someone creates the draft (404). */
export function usePostmortem(ref: string) {
  return useQuery({
    queryKey: keys.postmortem(ref),
    queryFn: () => optional<PostmortemView>(`/incidents/${encodeURIComponent(ref)}/postmortem`),
  });
}

function usePostmortemChange(ref: string) {
  const client = useQueryClient();
  return (postmortem: PostmortemView) => client.setQueryData(keys.postmortem(ref), postmortem);
}

export function useCreatePostmortem(ref: string) {
  const changed = usePostmortemChange(ref);
  return useMutation({
    mutationFn: () => api<PostmortemView>('POST', `/incidents/${encodeURIComponent(ref)}/postmortem`),
    onSuccess: changed,
  });
}

export function useRegeneratePostmortem(ref: string) {
  const changed = usePostmortemChange(ref);
  return useMutation({
    mutationFn: () => api<PostmortemView>('POST', `/incidents/${encodeURIComponent(ref)}/postmortem/regenerate`),
    onSuccess: changed,
  });
}

export function useUpdatePostmortem(ref: string) {
  const changed = usePostmortemChange(ref);
  return useMutation({
    mutationFn: (patch: PostmortemPatch) => api<PostmortemView>('PATCH', `/incidents/${encodeURIComponent(ref)}/postmortem`, patch),
    onSuccess: changed,
  });
}

export function useTransitionPostmortem(ref: string) {
  const changed = usePostmortemChange(ref);
  return useMutation({
    mutationFn: (to: PostmortemStatus) => api<PostmortemView>('POST', `/incidents/${encodeURIComponent(ref)}/postmortem/transition`, { to }),
    onSuccess: changed,
  });
}

export function useApprovePostmortem(ref: string) {
  const changed = usePostmortemChange(ref);
  return useMutation({
    mutationFn: () => api<PostmortemView>('POST', `/incidents/${encodeURIComponent(ref)}/postmortem/approve`),
    onSuccess: changed,
  });
}

/** Follow-ups change the postmortem's readiness, so the postmortem is read again after each. */
function useActionItemChange(ref: string) {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: keys.postmortem(ref) });
}

export function useAddActionItem(ref: string) {
  const changed = useActionItemChange(ref);
  return useMutation({
    mutationFn: (input: ActionItemInput & { title: string }) => api<ActionItem>('POST', `/incidents/${encodeURIComponent(ref)}/action-items`, input),
    onSuccess: changed,
  });
}

export function useUpdateActionItem(ref: string) {
  const changed = useActionItemChange(ref);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: ActionItemInput }) => api<ActionItem>('PATCH', `/action-items/${encodeURIComponent(id)}`, patch),
    onSuccess: changed,
  });
}

export function useRemoveActionItem(ref: string) {
  const changed = useActionItemChange(ref);
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/action-items/${encodeURIComponent(id)}`),
    onSuccess: changed,
  });
}
