import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';

export type { WeeklyReview } from '../../../src/domain/reports/weekly-review.js';
import type { WeeklyReview } from '../../../src/domain/reports/weekly-review.js';

export interface ReviewScope {
  week: string;
  team?: string;
  service?: string;
}

export function reviewQuery(scope: ReviewScope): string {
  const params = new URLSearchParams({ week: scope.week });
  if (scope.team) params.set('team', scope.team);
  if (scope.service) params.set('service', scope.service);
  return params.toString();
}

export function useWeeklyReview(scope: ReviewScope) {
  return useQuery({ queryKey: ['reports', 'weekly', scope], queryFn: () => api<WeeklyReview>('GET', `/reports/weekly?${reviewQuery(scope)}`) });
}
