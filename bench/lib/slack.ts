// Slack figures: slash-command acknowledgement latency under open-loop load, and declare-to-channel-ready time.
// The Slack Web API emulator (test/slack-emulator) runs in this process; the real built server is a child process.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSlackEmulator, type SlackEmulator } from '../../test/slack-emulator/index.js';
import { BOT_SCOPES } from '../../test/helpers/slack-app.js';
import { commandBody } from '../../test/helpers/slack-payloads.js';
import { ADMIN_TOKEN, startHikeshi, type Spawned } from './server.js';
import { median, percentile, sleep } from './stats.js';

/** BENCH_SLACK=0 skips both Slack measurements. */
export const SLACK_ENABLED = process.env.BENCH_SLACK !== '0';
export const ACK_RATE = Number(process.env.BENCH_SLACK_RATE ?? 200);
export const ACK_DURATION_S = Number(process.env.BENCH_SLACK_DURATION ?? 10);
export const ACK_WARMUP_S = 1;
export const ACK_IDLE_PER_VERB = 25;
export const DECLARATIONS = Number(process.env.BENCH_SLACK_DECLARATIONS ?? 10);
export const SLACK_LATENCY_MS = 50;
export const SLACK_USERS = 20;
/** After a channel is ready, no new Slack call for this long means the declaration's jobs are done. */
export const QUIET_MS = 1_200;
const READY_TIMEOUT_MS = 15_000;
const SIGNING_SECRET = 'bench-signing-secret-0123456789';
const DEFAULT_RESPONDERS = 2;

/** The command mix, in twentieths: help 8, update 6, sev 3 (SEV2/SEV3 alternately), status 3 (investigating/identified alternately). */
const MIX: Verb[] = [
  'help', 'update', 'help', 'sev', 'help', 'update', 'status', 'help', 'update', 'help',
  'sev', 'update', 'help', 'status', 'help', 'update', 'sev', 'help', 'update', 'status',
];
export const VERBS = ['help', 'update', 'sev', 'status'] as const;
export type Verb = (typeof VERBS)[number];

export interface VerbLatency {
  verb: Verb;
  share: number;
  /** Sequential, one at a time, before the load: the service time. */
  idleP50Ms: number;
  loadedP50Ms: number;
  loadedP99Ms: number;
}

export interface AckResult {
  rate: number;
  durationS: number;
  sent: number;
  answeredPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** 200s whose text is not the command's success answer (an error explained, a late empty ack). */
  unexpected: number;
  unexpectedSample?: string;
  /** How late the generator sent, worst case (ms after the scheduled time; included in the latencies). */
  sendLagMaxMs: number;
  /** 99th percentile of the same: above a few ms the bench process itself was starved of CPU. */
  sendLagP99Ms: number;
  /** 1-minute load average when the open loop began (the machine's other work competes with it). */
  loadAverageAtStart: number;
  byVerb: VerbLatency[];
  prewarm: { users: number; seconds: number; usersInfoCalls: number };
  channels: number;
  /** CPU time of the server process over the measured window, as a share of one core. */
  serverCpuPercent?: number;
  /** Web API calls the job runner made during the measured window (echoes, broadcasts, summary syncs). */
  slackCallsDuring: number;
  /** Of those, answered other than `ok: true` (an error, a 429). */
  slackCallsFailedDuring: number;
}

export interface DeclareResult {
  declarations: number;
  latencyMs: number;
  readyMs: number[];
  readyMsMedian: number;
  readyMsMax: number;
  /** POST answered → first Slack call of the declaration: the wait for the job runner's poll. */
  firstCallMsMedian: number;
  firstCallMsMax: number;
  /** First Slack call → ready: the jobs' own work (Slack calls at the emulated latency, database). */
  slackWorkMsMedian: number;
  /** Broadcast announcement posted, from the POST. */
  announcedMsMedian: number;
  failed: number;
  /** Slack calls of each declaration, in order; the first runs with cold caches (auth.test, users.info). */
  calls: number[];
  /** Methods called for the last declaration, with counts. */
  methods: Record<string, number>;
}

export interface SlackResult {
  declare: DeclareResult;
  ack: AckResult;
}

interface Setup {
  emulator: SlackEmulator;
  server: Spawned;
  users: string[];
  broadcast: string;
  responders: string[];
  botUserId: string;
  /** Keep-alive connections to the server, as many as the open loop needs. */
  agent: http.Agent;
  cleanup(): Promise<void>;
}

/** Emulator with a workspace, settings file, and the built server pointed at both. */
async function setUp(databaseUrl: string): Promise<Setup> {
  const emulator = await startSlackEmulator();
  const ws = emulator.workspace;
  const users = Array.from({ length: SLACK_USERS }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return ws.addUser({ name: `responder${n}`, real_name: `Responder ${n}`, tz: 'Asia/Tokyo' }).id;
  });
  const broadcast = ws.addChannel({ name: 'incidents', members: [...users, ws.botUser.id], creator: users[0]! }).id;
  const botToken = ws.issueBotToken(BOT_SCOPES);
  const responders = users.slice(0, DEFAULT_RESPONDERS);
  const dir = mkdtempSync(join(tmpdir(), 'hikeshi-bench-slack-'));
  const settingsFile = join(dir, 'hikeshi.yaml');
  writeFileSync(settingsFile, `slack:\n  broadcastChannel: ${broadcast}\n  defaultResponders: [${responders.join(', ')}]\n`);
  let server: Spawned;
  try {
    server = await startHikeshi(databaseUrl, {
      HIKESHI_CONFIG: settingsFile,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: botToken,
      SLACK_API_URL: emulator.url,
      HIKESHI_SECRET_KEY: 'bench-secret-key-for-sealing-slack-tokens',
    });
  } catch (error) {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  return {
    emulator,
    server,
    agent,
    users,
    broadcast,
    responders,
    botUserId: ws.botUser.id,
    async cleanup() {
      agent.destroy();
      await server.stop();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Both Slack measurements on one server: declarations first (their channels then take the commands). */
export async function measureSlack(databaseUrl: string, progress: (message: string) => void): Promise<SlackResult> {
  const setup = await setUp(databaseUrl);
  try {
    progress(`declare-to-channel-ready, ${DECLARATIONS} declarations, Slack ${SLACK_LATENCY_MS} ms per call`);
    const { result: declare, channels } = await measureDeclare(setup);
    if (!channels.length) throw new Error('no incident channel became ready; no slash-command figures');
    progress(`slash-command ack: pre-warm ${SLACK_USERS} users, then ${ACK_RATE}/s open loop for ${ACK_WARMUP_S} + ${ACK_DURATION_S} s`);
    const ack = await measureAck(setup, channels);
    return { declare, ack };
  } finally {
    await setup.cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// Declare → channel ready

async function measureDeclare(setup: Setup): Promise<{ result: DeclareResult; channels: string[] }> {
  const { emulator, server } = setup;
  const ws = emulator.workspace;
  emulator.setLatency(SLACK_LATENCY_MS);
  const expected = [setup.botUserId, ...setup.responders];
  const readyMs: number[] = [];
  const firstCallMs: number[] = [];
  const slackWorkMs: number[] = [];
  const announcedMs: number[] = [];
  const calls: number[] = [];
  const channels: string[] = [];
  let methods: Record<string, number> = {};
  let failed = 0;
  for (let i = 0; i < DECLARATIONS; i++) {
    // The runner polls every second; after the quiet wait below its next poll would always be the same
    // time away. Evenly spread offsets put the declarations at every phase of that second.
    await sleep((i * 1000) / DECLARATIONS);
    const callsBefore = emulator.calls.length;
    const started = Date.now();
    const response = await fetch(`${server.url}/api/v1/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Checkout errors in EU', severity: 'SEV2' }),
    });
    const answered = Date.now();
    if (response.status !== 201) throw new Error(`POST /api/v1/incidents answered ${response.status}: ${await response.text()}`);
    const { number } = (await response.json()) as { number: number };
    const prefix = `inc-${number}-`;
    let ready: number | undefined;
    let announced: number | undefined;
    let channelId: string | undefined;
    while (Date.now() - started < READY_TIMEOUT_MS && (ready === undefined || announced === undefined)) {
      const channel = channelId ? ws.channel(channelId) : [...ws.channels.values()].find((c) => c.name.startsWith(prefix));
      if (channel) {
        channelId = channel.id;
        const summary = ws.messagesIn(channel.id).some((m) => JSON.stringify(m.blocks ?? []).includes('"type":"actions"'));
        if (ready === undefined && summary && expected.every((id) => channel.members.includes(id))) ready = Date.now();
        if (announced === undefined && ws.messagesIn(setup.broadcast).some((m) => JSON.stringify(m.blocks ?? []).includes(`<#${channel.id}>`))) {
          announced = Date.now();
        }
      }
      await sleep(2);
    }
    if (ready === undefined || !channelId) {
      failed++;
      continue;
    }
    // The declaration's remaining calls (the announcement, late steps): wait for Slack to go quiet.
    let count = emulator.calls.length;
    let quietSince = Date.now();
    while (Date.now() - quietSince < QUIET_MS) {
      await sleep(20);
      if (emulator.calls.length !== count) {
        count = emulator.calls.length;
        quietSince = Date.now();
      }
    }
    const own = emulator.calls.slice(callsBefore);
    readyMs.push(ready - started);
    if (announced !== undefined) announcedMs.push(announced - started);
    if (own[0]) {
      firstCallMs.push(own[0].at - answered);
      slackWorkMs.push(ready - own[0].at);
    }
    calls.push(own.length);
    methods = {};
    for (const call of own) methods[call.method] = (methods[call.method] ?? 0) + 1;
    channels.push(channelId);
  }
  return {
    result: {
      declarations: DECLARATIONS,
      latencyMs: SLACK_LATENCY_MS,
      readyMs,
      readyMsMedian: median(readyMs),
      readyMsMax: Math.max(...readyMs),
      firstCallMsMedian: median(firstCallMs),
      firstCallMsMax: Math.max(...firstCallMs),
      slackWorkMsMedian: median(slackWorkMs),
      announcedMsMedian: median(announcedMs),
      failed,
      calls,
      methods,
    },
    channels,
  };
}

// ---------------------------------------------------------------------------------------------
// Slash-command acknowledgement

interface Answer {
  status: number;
  text: string;
}

function postSlack(agent: http.Agent, baseUrl: string, body: string): Promise<Answer> {
  const url = new URL(baseUrl);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: '/slack/events',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': timestamp,
          'x-slack-signature': signature,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        response.on('error', reject);
      },
    );
    request.setTimeout(10_000, () => request.destroy(new Error('no answer within 10 s')));
    request.on('error', reject);
    request.end(body);
  });
}

/** The text of the i-th command of the mix, and what its success answer looks like. */
function commandText(verb: Verb, i: number): string {
  switch (verb) {
    case 'help':
      return 'help';
    case 'update':
      return `update Error rate back under 1% in ap-northeast-1 (${i})`;
    case 'sev':
      return Math.floor(i / 20) % 2 ? 'sev SEV3' : 'sev SEV2';
    case 'status':
      return Math.floor(i / 20) % 2 ? 'status identified' : 'status investigating';
  }
}

const SUCCESS: Record<Verb, RegExp> = {
  help: /run an incident from Slack/,
  update: /^Status update added to the timeline\.$/,
  sev: /^INC-\d+ is now \*SEV\d\*\.$/,
  status: /^INC-\d+ is now \*(investigating|identified)\*\.$/,
};

function successful(verb: Verb, answer: Answer): boolean {
  try {
    return SUCCESS[verb].test((JSON.parse(answer.text) as { text?: string }).text ?? '');
  } catch {
    return false;
  }
}

async function measureAck(setup: Setup, channels: string[]): Promise<AckResult> {
  const { emulator, server, users, agent } = setup;
  const url = server.url;
  const body = (verb: Verb, i: number) =>
    commandBody({ text: commandText(verb, i), channel: channels[i % channels.length]!, user: users[(i * 7) % users.length]! });

  // Pre-warm: each user's first command costs a users.info (50 ms here) and an enrolment; Slack retries nothing of it.
  const warmStarted = performance.now();
  const usersInfoBefore = emulator.callsTo('users.info').length;
  for (const [n, user] of users.entries()) {
    const answer = await postSlack(agent, url, commandBody({ text: `update ${n} joined`, channel: channels[n % channels.length]!, user }));
    if (answer.status !== 200 || !successful('update', answer)) throw new Error(`pre-warm command answered ${answer.status}: ${answer.text}`);
  }
  const prewarm = {
    users: users.length,
    seconds: (performance.now() - warmStarted) / 1000,
    usersInfoCalls: emulator.callsTo('users.info').length - usersInfoBefore,
  };

  // Service time: each verb alone, one request at a time.
  const idle = new Map<Verb, number[]>();
  for (const verb of VERBS) {
    const times: number[] = [];
    for (let i = 0; i < ACK_IDLE_PER_VERB; i++) {
      const started = performance.now();
      await postSlack(agent, url, body(verb, i * 20 + MIX.indexOf(verb)));
      times.push(performance.now() - started);
    }
    idle.set(verb, times);
  }

  // Open loop: request i is due at t0 + i/rate whatever happened to the earlier ones; latency counts from then.
  const interval = 1000 / ACK_RATE;
  const warmup = Math.round(ACK_RATE * ACK_WARMUP_S);
  const total = warmup + Math.round(ACK_RATE * ACK_DURATION_S);
  const latencies: { verb: Verb; ms: number }[] = [];
  let non2xx = 0;
  let errors = 0;
  let unexpected = 0;
  let unexpectedSample: string | undefined;
  const sendLags: number[] = [];
  let lastAnswer = 0;
  let callsAtWindow = 0;
  let cpuAtWindow: number | undefined;
  let windowStartedAt = 0;
  const pending: Promise<void>[] = [];
  const loadAverageAtStart = loadavg()[0]!;
  const t0 = performance.now() + 50;
  const send = (i: number, due: number) => {
    const verb = MIX[i % MIX.length]!;
    const measured = i >= warmup;
    if (i === warmup) {
      callsAtWindow = emulator.calls.length;
      cpuAtWindow = server.cpuMs();
      windowStartedAt = performance.now();
    }
    if (measured) sendLags.push(performance.now() - due);
    pending.push(
      postSlack(agent, url, body(verb, i)).then(
        (answer) => {
          const done = performance.now();
          if (!measured) return;
          latencies.push({ verb, ms: done - due });
          lastAnswer = done;
          if (answer.status < 200 || answer.status > 299) non2xx++;
          else if (!successful(verb, answer)) {
            unexpected++;
            unexpectedSample ??= `${commandText(verb, i)} -> ${answer.text.slice(0, 160) || '(empty body)'}`;
          }
        },
        () => {
          if (measured) errors++;
        },
      ),
    );
  };
  let next = 0;
  while (next < total) {
    const now = performance.now();
    while (next < total && t0 + next * interval <= now) {
      send(next, t0 + next * interval);
      next++;
    }
    if (next < total) await sleep(Math.max(0, t0 + next * interval - performance.now()));
  }
  await Promise.all(pending);
  const cpuEnd = server.cpuMs();
  const windowMs = lastAnswer - windowStartedAt;
  const windowCalls = emulator.calls.slice(callsAtWindow);
  const slackCallsDuring = windowCalls.length;
  const slackCallsFailedDuring = windowCalls.filter((c) => c.answer.ok !== true).length;
  const all = latencies.map((l) => l.ms);

  return {
    rate: ACK_RATE,
    durationS: ACK_DURATION_S,
    sent: total - warmup,
    answeredPerSec: (latencies.length / windowMs) * 1000,
    p50Ms: percentile(all, 50),
    p99Ms: percentile(all, 99),
    maxMs: Math.max(...all),
    non2xx,
    errors,
    unexpected,
    ...(unexpectedSample ? { unexpectedSample } : {}),
    sendLagMaxMs: Math.max(...sendLags),
    sendLagP99Ms: percentile(sendLags, 99),
    loadAverageAtStart,
    byVerb: VERBS.map((verb) => {
      const times = latencies.filter((l) => l.verb === verb).map((l) => l.ms);
      return {
        verb,
        share: MIX.filter((v) => v === verb).length / MIX.length,
        idleP50Ms: median(idle.get(verb)!),
        loadedP50Ms: percentile(times, 50),
        loadedP99Ms: percentile(times, 99),
      };
    }),
    prewarm,
    channels: channels.length,
    ...(cpuAtWindow !== undefined && cpuEnd !== undefined ? { serverCpuPercent: ((cpuEnd - cpuAtWindow) / windowMs) * 100 } : {}),
    slackCallsDuring,
    slackCallsFailedDuring,
  };
}
