import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../../test/helpers/server-process.js';
import { sleep } from './stats.js';

export const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
/** USER_HZ: 100 on every Linux build Node runs on. */
const CLOCK_TICKS_PER_S = 100;

export interface Spawned {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  startMs: number;
  /** Resident set size now, in MB (Linux /proc only). */
  rssMb(): number | undefined;
  /** CPU time (user + system) the process has used so far, in ms (Linux /proc only). */
  cpuMs(): number | undefined;
  /** What the process wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/** The built Hikeshi server (`node bin/hikeshi.js serve`); `env` adds to or overrides its environment. */
export function startHikeshi(databaseUrl: string, env: Record<string, string> = {}): Promise<Spawned> {
  return startChild(['bin/hikeshi.js', 'serve'], { DATABASE_URL: databaseUrl, HIKESHI_ADMIN_TOKEN: ADMIN_TOKEN, LOG_LEVEL: 'warn', ...env });
}

/** A bare Fastify route in a child process: the reference for HTTP overhead. */
export function startBareFastify(): Promise<Spawned> {
  return startChild(['--import', 'tsx', 'bench/lib/bare-fastify.ts'], {});
}

async function startChild(args: string[], env: Record<string, string>): Promise<Spawned> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}: ${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} did not answer /healthz within 20 s: ${output}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(5);
  }
  const startMs = performance.now() - started;
  return {
    url,
    child,
    startMs,
    rssMb() {
      try {
        const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return kb ? Number(kb[1]) / 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    cpuMs() {
      try {
        // Fields 14 and 15 (utime, stime) in clock ticks, counted after the ")" that ends the command name.
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
      } catch {
        return undefined;
      }
    },
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
