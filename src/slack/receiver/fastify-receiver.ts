import { ReceiverMultipleAckError, type App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { SlackBodyError, parseSlackBody } from './parse-body.js';
import { verifySlackSignature } from './signature.js';

export interface FastifyReceiverOptions {
  signingSecret: string | undefined;
  logger?: Logger;
  /** Wall-clock milliseconds, for the timestamp check (Slack signs with its own clock, not ours). */
  now?: () => number;
  /** When nothing acknowledged by then, answer an empty 200 anyway: Slack gives up at 3 s. */
  ackDeadlineMs?: number;
}

type Outcome =
  | { kind: 'acked'; response: unknown }
  | { kind: 'done' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'late' };

export const ACK_DEADLINE_MS = 2_500;

/**
 * Bolt's receiver for `POST /slack/events` on Hikeshi's Fastify server (Bolt's
 * FastifyReceiver pattern): verifies the signature on the raw body, answers Slack's
 * url_verification and ssl_check, and hands everything else to `app.processEvent`.
 *
 * Commands and interactions are answered when a listener calls `ack()`: listeners run their
 * use case first, so a 2xx means the change is committed, and the ephemeral answer rides in
 * the response body. Bolt acks events before its listeners run; here the answer waits for
 * them instead (they only write to the database and enqueue jobs), so an acknowledged event
 * is durable and a failed one gets a 500 that Slack retries.
 */
export class FastifyReceiver implements Receiver {
  private app: App | undefined;
  private readonly inFlight = new Set<Promise<Outcome>>();
  private readonly now: () => number;
  private readonly ackDeadlineMs: number;

  constructor(private readonly options: FastifyReceiverOptions) {
    this.now = options.now ?? Date.now;
    this.ackDeadlineMs = options.ackDeadlineMs ?? ACK_DEADLINE_MS;
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {
    await this.settled();
  }

  /** Resolves once every request's listeners have finished, work after the ack included. */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  async handle(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const rawBody = typeof request.body === 'string' ? request.body : '';
    const check = verifySlackSignature({
      signingSecret: this.options.signingSecret,
      rawBody,
      timestamp: header(request, 'x-slack-request-timestamp'),
      signature: header(request, 'x-slack-signature'),
      nowSeconds: Math.floor(this.now() / 1000),
    });
    if (!check.ok) {
      this.options.logger?.warn({ reqId: request.id, reason: check.reason }, 'refused a Slack request');
      return reply.code(401).send({ ok: false, error: 'invalid_request', detail: check.reason });
    }
    let inbound;
    try {
      inbound = parseSlackBody(rawBody, request.headers['content-type']);
    } catch (error) {
      if (!(error instanceof SlackBodyError)) throw error;
      return reply.code(400).send({ ok: false, error: 'invalid_body', detail: error.message });
    }
    switch (inbound.kind) {
      case 'ssl_check':
        return reply.code(200).send();
      case 'url_verification':
        return reply.code(200).send({ challenge: inbound.challenge });
      case 'dispatch':
        return this.dispatch(inbound.body, request, reply);
    }
  }

  private async dispatch(body: Record<string, unknown>, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const app = this.app;
    if (!app) return reply.code(503).send({ ok: false, error: 'not_ready' });
    let acked = false;
    let resolveAck: (outcome: Outcome) => void = () => undefined;
    const ackSeen = new Promise<Outcome>((resolve) => {
      resolveAck = resolve;
    });
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        if (acked) throw new ReceiverMultipleAckError();
        acked = true;
        resolveAck({ kind: 'acked', response });
      },
      retryNum: numberHeader(request, 'x-slack-retry-num'),
      retryReason: header(request, 'x-slack-retry-reason'),
    };
    const processing = this.track(app.processEvent(event), request);
    const isEvent = body.type === 'event_callback';
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'late' }), this.ackDeadlineMs);
    });
    const outcome = await Promise.race(isEvent ? [processing, late] : [ackSeen, processing, late]);
    clearTimeout(timer);
    switch (outcome.kind) {
      case 'acked':
        return sendAck(reply, outcome.response);
      case 'done':
        return reply.code(200).send();
      case 'failed':
        return reply.code(500).send({ ok: false, error: 'processing_failed' });
      case 'late':
        this.options.logger?.warn({ reqId: request.id, type: body.type }, `a Slack request was not acknowledged within ${this.ackDeadlineMs} ms`);
        return reply.code(200).send();
    }
  }

  private track(work: Promise<unknown>, request: FastifyRequest): Promise<Outcome> {
    const outcome = work.then(
      (): Outcome => ({ kind: 'done' }),
      (error: unknown): Outcome => {
        this.options.logger?.error({ err: error, reqId: request.id }, 'a Slack listener failed');
        return { kind: 'failed', error };
      },
    );
    this.inFlight.add(outcome);
    void outcome.finally(() => this.inFlight.delete(outcome));
    return outcome;
  }
}

function sendAck(reply: FastifyReply, response: unknown): FastifyReply {
  if (response === undefined || response === null || response === '') return reply.code(200).send();
  if (typeof response === 'string') return reply.code(200).type('text/plain; charset=utf-8').send(response);
  return reply.code(200).type('application/json; charset=utf-8').send(JSON.stringify(response));
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function numberHeader(request: FastifyRequest, name: string): number | undefined {
  const value = Number(header(request, name));
  return Number.isInteger(value) ? value : undefined;
}
