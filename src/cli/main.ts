import { serve } from './serve.js';

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (command === 'serve') return serve();
  process.stderr.write(`unknown command: ${command ?? '(none)'}\n`);
  return 2;
}
