import {
  classifyStatus,
  conditionalHeaders,
  contentTypeProblem,
  retryAfterMs,
  ROTA_SYNC,
  type Validators,
} from '../../../domain/oncall/rota-fetch-policy.js';

/** What one GET of a rota source came to. Reasons never contain the address. */
export type RotaDownload =
  | { kind: 'not_modified' }
  | { kind: 'file'; text: string; etag: string | null; lastModified: string | null }
  /** The answer can never be a usable file as it stands (404, HTML, too large, not text). */
  | { kind: 'refused'; reason: string }
  /** Worth retrying: no answer, a timeout, a cut-off body, 429 or 5xx. */
  | { kind: 'transient'; reason: string; retryAfterMs?: number };

export interface DownloadOptions {
  now: Date;
  /** The job's lease: aborted when another worker may take over. */
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
}

/**
 * GETs a published sheet with the last applied file's validators, following redirects
 * (Google's published links redirect to googleusercontent.com), within a time limit and a
 * size cap. Only a body read to its end and decoded as UTF-8 text is a `file`.
 */
export async function downloadRota(url: string, validators: Validators | null, options: DownloadOptions): Promise<RotaDownload> {
  const timeoutMs = options.timeoutMs ?? ROTA_SYNC.timeoutMs;
  const maxBytes = options.maxBytes ?? ROTA_SYNC.maxBytes;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const cut = (error: unknown) => (timeout.aborted ? `no complete answer within ${timeoutMs / 1_000} s` : networkReason(error));

  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'text/csv, text/plain;q=0.9, */*;q=0.1', 'user-agent': 'Hikeshi rota sync', ...conditionalHeaders(validators) },
      redirect: 'follow',
      signal,
    });
  } catch (error) {
    return { kind: 'transient', reason: cut(error) };
  }

  const answered = `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  switch (classifyStatus(response.status)) {
    case 'not_modified':
      await discard(response);
      return { kind: 'not_modified' };
    case 'transient': {
      await discard(response);
      const after = retryAfterMs(response.headers.get('retry-after'), options.now);
      return { kind: 'transient', reason: answered, ...(after !== undefined && { retryAfterMs: after }) };
    }
    case 'refused':
      await discard(response);
      return { kind: 'refused', reason: answered };
    case 'content':
      break;
  }

  const typeProblem = contentTypeProblem(response.headers.get('content-type'));
  if (typeProblem) {
    await discard(response);
    return { kind: 'refused', reason: typeProblem };
  }
  const tooLarge = `the file is larger than ${formatBytes(maxBytes)}`;
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await discard(response);
    return { kind: 'refused', reason: tooLarge };
  }

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
      size += read.value.byteLength;
      if (size > maxBytes) {
        await reader?.cancel().catch(() => undefined);
        return { kind: 'refused', reason: tooLarge };
      }
      chunks.push(read.value);
    }
  } catch (error) {
    return { kind: 'transient', reason: `the download was cut off before the end (${cut(error)})` };
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return { kind: 'refused', reason: 'the file is not UTF-8 text' };
  }
  if (text.includes('\u0000')) return { kind: 'refused', reason: 'the file is binary, not CSV text' };
  return { kind: 'file', text, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** The system error code (ECONNREFUSED, ENOTFOUND, …) and nothing of the address. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `the server could not be reached (${code})` : 'the server could not be reached';
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
