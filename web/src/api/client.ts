/** A thin fetch wrapper: JSON in and out, the CSRF header on writes, problem+json as ApiError. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly field: string | undefined,
    /** The whole problem+json answer, for the extra members some errors carry (problems, answeredBy). */
    readonly problem: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
  }
}

/** Thrown when fetch itself fails (server down, offline). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'NetworkError';
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an authenticated request comes back 401 (the session expired). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new NetworkError(error);
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const problem = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
    const error = new ApiError(
      response.status,
      typeof problem.title === 'string' ? problem.title : response.statusText || `HTTP ${response.status}`,
      typeof problem.detail === 'string' ? problem.detail : text && data === undefined ? text.slice(0, 300) : undefined,
      typeof problem.field === 'string' ? problem.field : undefined,
      problem,
    );
    if (response.status === 401 && path !== '/session') onUnauthorized?.();
    throw error;
  }
  return data as T;
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
