import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * Slack's side of Socket Mode, for tests: `apps.connections.open` hands out a WebSocket URL
 * on this server, which says hello and pushes envelopes; every other Web API call is passed
 * on to the emulator. A minimal RFC 6455 server (text, ping/pong and close frames only).
 */
export interface SocketModePeer {
  /** Use as SLACK_API_URL. */
  apiUrl: string;
  /** Resolves once the app has connected and been greeted. */
  connected: Promise<void>;
  /** Pushes an envelope and resolves with the app's acknowledgement of it. */
  send(envelope: { envelope_id: string; type: string; payload: unknown; [key: string]: unknown }): Promise<{ envelope_id: string; payload?: unknown }>;
  close(): Promise<void>;
}

export async function startSocketModePeer(emulatorApiUrl: string): Promise<SocketModePeer> {
  let socket: Socket | undefined;
  let greet: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => {
    greet = resolve;
  });
  const waiting = new Map<string, (ack: { envelope_id: string; payload?: unknown }) => void>();

  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.url === '/api/apps.connections.open') {
      const { port } = server.address() as AddressInfo;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, url: `ws://127.0.0.1:${port}/link` }));
      return;
    }
    const forwarded = await fetch(new URL(request.url!.replace(/^\/api\//, ''), emulatorApiUrl), {
      method: request.method,
      headers: Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => ['content-type', 'authorization'].includes(name)) as [string, string][],
      ),
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    response.writeHead(forwarded.status, Object.fromEntries(forwarded.headers));
    response.end(Buffer.from(await forwarded.arrayBuffer()));
  });

  server.on('upgrade', (request, upgraded: Socket) => {
    const accept = createHash('sha1').update(`${request.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    upgraded.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket = upgraded;
    let buffer = Buffer.alloc(0);
    upgraded.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      for (let frame = readFrame(buffer); frame; frame = readFrame(buffer)) {
        buffer = buffer.subarray(frame.length);
        if (frame.opcode === 0x1) {
          const message = JSON.parse(frame.payload.toString('utf8')) as { envelope_id: string; payload?: unknown };
          waiting.get(message.envelope_id)?.(message);
        } else if (frame.opcode === 0x9) {
          upgraded.write(encodeFrame(0xa, frame.payload));
        } else if (frame.opcode === 0x8) {
          upgraded.end(encodeFrame(0x8, Buffer.alloc(0)));
        }
      }
    });
    upgraded.on('error', () => undefined);
    upgraded.write(encodeFrame(0x1, Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0EMULATOR' } }))));
    greet();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    connected,
    send(envelope) {
      return new Promise((resolve) => {
        waiting.set(envelope.envelope_id, resolve);
        socket!.write(encodeFrame(0x1, Buffer.from(JSON.stringify(envelope))));
      });
    },
    async close() {
      socket?.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const head =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65_536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
  return Buffer.concat([head, payload]);
}

function bigLength(length: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(length));
  return buffer;
}

/** One whole frame from the start of the buffer (client frames are masked), or undefined. */
function readFrame(buffer: Buffer): { opcode: number; payload: Buffer; length: number } | undefined {
  if (buffer.length < 2) return undefined;
  const opcode = buffer[0]! & 0x0f;
  const masked = (buffer[1]! & 0x80) !== 0;
  let length = buffer[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const maskOffset = offset;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return undefined;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= buffer[maskOffset + (i % 4)]!;
  return { opcode, payload, length: offset + length };
}
