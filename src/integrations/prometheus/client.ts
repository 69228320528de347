/** Why a query gave no usable answer; recorded as the gap's reason. */
export type PrometheusFailure = 'prometheus_down' | 'timeout' | 'http_error' | 'query_error' | 'bad_response';

export class PrometheusError extends Error {
  constructor(
    readonly reason: PrometheusFailure,
    message: string,
  ) {
    super(message);
  }
}

/** One series of a range query: [unix seconds, value as Prometheus wrote it] pairs. */
export type RangeSeries = Array<[number, string]>;

export interface RangeQuery {
  query: string;
  /** Unix seconds, inclusive at both ends. */
  start: number;
  end: number;
  stepSeconds: number;
}

/**
 * `POST /api/v1/query_range`, form-encoded (long PromQL never hits URL limits), with a
 * client-side timeout. Returns every series' values; failures say why, never a guess.
 */
export async function queryRange(baseUrl: string, range: RangeQuery, timeoutMs: number, signal?: AbortSignal): Promise<RangeSeries[]> {
  const body = new URLSearchParams({
    query: range.query,
    start: String(range.start),
    end: String(range.end),
    step: String(range.stepSeconds),
    timeout: `${Math.max(1, Math.floor(timeoutMs / 1000))}s`,
  });
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(new URL('api/v1/query_range', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
    });
  } catch (error) {
    if (timeout.aborted) throw new PrometheusError('timeout', `no answer within ${timeoutMs} ms`);
    throw new PrometheusError('prometheus_down', `cannot reach Prometheus: ${causeOf(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch (error) {
    if (timeout.aborted) throw new PrometheusError('timeout', `no complete answer within ${timeoutMs} ms`);
    throw new PrometheusError(response.ok ? 'bad_response' : 'http_error', `HTTP ${response.status}, not a Prometheus answer`);
  }
  const envelope = parsed as { status?: unknown; error?: unknown; errorType?: unknown; data?: { resultType?: unknown; result?: unknown } };
  if (envelope?.status === 'error') {
    throw new PrometheusError(envelope.errorType === 'timeout' ? 'timeout' : 'query_error', `${String(envelope.errorType ?? 'error')}: ${String(envelope.error ?? '')}`.slice(0, 500));
  }
  if (!response.ok) throw new PrometheusError('http_error', `HTTP ${response.status}`);
  if (envelope?.status !== 'success' || envelope.data?.resultType !== 'matrix' || !Array.isArray(envelope.data.result)) {
    throw new PrometheusError('bad_response', 'the answer is not a successful matrix');
  }
  return envelope.data.result.map((series: { values?: unknown }) => (Array.isArray(series?.values) ? (series.values as Array<[number, string]>) : []));
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? String(error);
}
