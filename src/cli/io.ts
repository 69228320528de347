/** The terminal, passed to commands so that what they print is all in one place. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  stdinIsTTY: boolean;
  readStdin(): Promise<string>;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  get stdinIsTTY() {
    return process.stdin.isTTY === true;
  },
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString('utf8');
  },
};
