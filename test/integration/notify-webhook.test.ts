import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PermanentError, RetryableError } from '../../src/jobs/errors.js';
import { sendSignedWebhook, signWebhook, verifyWebhookSignature } from '../../src/notify/webhook.js';

const SECRET = 'whsec-test-0123456789abcdef';

interface Received {
  headers: IncomingHttpHeaders;
  rawBody: string;
}

describe('signed outbound webhooks against a local HTTP receiver', () => {
  let server: Server;
  let url: string;
  let received: Received[];
  let answers: { status: number; headers?: Record<string, string>; delayMs?: number }[];

  // The receiver answers each request with the next scripted answer (or 204).
  beforeEach(async () => {
    received = [];
    answers = [];
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
        const answer = answers.shift() ?? { status: 204 };
        const reply = () => res.writeHead(answer.status, answer.headers).end();
        if (answer.delayMs) setTimeout(reply, answer.delayMs);
        else reply();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/pages?token=abc`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const body = { type: 'page.triggered', page: { id: 'pg_1', number: 7, message: 'DB down — データベース停止' }, level: 1, cycle: 0, deliveryId: 'd-1' };
  const send = (timeoutMs?: number) =>
    sendSignedWebhook({ url, secret: SECRET, body, deliveryId: 'd-1', ...(timeoutMs ? { timeoutMs } : {}) });

  it('posts the JSON body with delivery, timestamp and a signature the receiver verifies', async () => {
    await send();
    expect(received).toHaveLength(1);
    const [{ headers, rawBody }] = received as [Received];
    expect(JSON.parse(rawBody)).toEqual(body);
    expect(headers['content-type']).toBe('application/json');
    expect(headers['user-agent']).toBe('Hikeshi');
    expect(headers['x-hikeshi-delivery']).toBe('d-1');
    const timestamp = headers['x-hikeshi-timestamp'] as string;
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5);
    const signature = headers['x-hikeshi-signature'] as string;
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(SECRET, timestamp, signature, rawBody, new Date())).toBe(true);
  });

  it('a tampered body, another secret or a missing header fails verification', async () => {
    await send();
    const [{ headers, rawBody }] = received as [Received];
    const timestamp = headers['x-hikeshi-timestamp'] as string;
    const signature = headers['x-hikeshi-signature'] as string;
    const now = new Date();
    expect(verifyWebhookSignature(SECRET, timestamp, signature, rawBody.replace('"number":7', '"number":8'), now)).toBe(false);
    expect(verifyWebhookSignature('another-secret', timestamp, signature, rawBody, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, String(Number(timestamp) + 1), signature, rawBody, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, undefined, signature, rawBody, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, timestamp, undefined, rawBody, now)).toBe(false);
    expect(verifyWebhookSignature(SECRET, timestamp, 'v1=short', rawBody, now)).toBe(false);
  });

  it('accepts a timestamp within the tolerance and refuses a replay older than it', () => {
    const at = 1_800_000_000;
    const raw = '{"a":1}';
    const signature = signWebhook(SECRET, at, raw);
    const seconds = (s: number) => new Date(s * 1000);
    expect(verifyWebhookSignature(SECRET, String(at), signature, raw, seconds(at + 300))).toBe(true);
    expect(verifyWebhookSignature(SECRET, String(at), signature, raw, seconds(at - 300))).toBe(true);
    expect(verifyWebhookSignature(SECRET, String(at), signature, raw, seconds(at + 301))).toBe(false);
    expect(verifyWebhookSignature(SECRET, String(at), signature, raw, seconds(at + 3_600), 7_200)).toBe(true);
    expect(verifyWebhookSignature(SECRET, 'not-a-number', signature, raw, seconds(at))).toBe(false);
  });

  it('the signature is HMAC-SHA256 over "<timestamp>.<raw body>" in hex (a receiver in any language can check it)', () => {
    // openssl: printf '1800000000.{"a":1}' | openssl dgst -sha256 -hmac whsec-test-0123456789abcdef
    expect(signWebhook(SECRET, 1_800_000_000, '{"a":1}')).toBe('v1=012978a3a1f61b5e2a68409cd0e2e573f1da049664be794559e1f8ddf0fcdb7c');
  });

  it('a 500 answer is retryable', async () => {
    answers.push({ status: 500 });
    const error = await send().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableError);
    expect((error as Error).message).toBe(`webhook to ${new URL(url).host} answered HTTP 500`);
  });

  it('a 429 is retryable after its Retry-After, in seconds or as a date', async () => {
    answers.push({ status: 429, headers: { 'retry-after': '42' } });
    expect(await send().catch((e: unknown) => e)).toMatchObject({ name: 'RetryableError', retryAfterMs: 42_000 });
    answers.push({ status: 503, headers: { 'retry-after': new Date(Date.now() + 120_000).toUTCString() } });
    const error = (await send().catch((e: unknown) => e)) as RetryableError;
    expect(error.retryAfterMs).toBeGreaterThan(115_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('a 410 (the receiver is gone) is permanent, and so is a 3xx redirect', async () => {
    answers.push({ status: 410 });
    expect(await send().catch((e: unknown) => e)).toBeInstanceOf(PermanentError);
    answers.push({ status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } });
    expect(await send().catch((e: unknown) => e)).toBeInstanceOf(PermanentError);
    expect(received).toHaveLength(2);
  });

  it('a receiver slower than the timeout is retryable', async () => {
    answers.push({ status: 204, delayMs: 2_000 });
    const error = await send(200).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableError);
    expect((error as Error).message).toMatch(/timed out$/);
  });

  it('a refused connection is retryable, and the error names the host but not the URL query', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await sendSignedWebhook({ url: `http://127.0.0.1:${port}/x?token=sekrit`, secret: SECRET, body, deliveryId: 'd-2' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableError);
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
    expect((error as Error).message).not.toContain('sekrit');
  });

  it('an invalid URL is permanent', async () => {
    const error = await sendSignedWebhook({ url: 'ftp://example.com/x', secret: SECRET, body, deliveryId: 'd-3' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
  });
});
