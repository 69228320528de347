import { parseCommandLine, UsageError } from './args.js';
import type { Command } from './command.js';
import { commands } from './commands/index.js';
import { EXIT_OK, reportError } from './errors.js';
import { commandHelp, groupHelp, topHelp } from './help.js';
import { processIo, type Io } from './io.js';
import { version } from './version.js';

/** `hikeshi <command> [options]`: finds the command, parses its flags, runs it, maps errors. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let command: Command | undefined;
  try {
    const [first, ...rest] = argv;
    if (first === '--version') return print(io, `hikeshi ${version()}\n`);
    if (first === '--help' || first === '-h') return print(io, topHelp(commands, version()));
    if (first === 'help') return print(io, helpFor(rest));
    const found = findCommand(argv);
    if ('help' in found) return print(io, found.help);
    command = found.command;
    const line = parseCommandLine(command, found.rest);
    if (line.help) return print(io, commandHelp(command));
    return (await command.run({ args: line.args, options: line.options, json: line.json, io })) ?? EXIT_OK;
  } catch (error) {
    return reportError(error, io, command);
  }
}

function print(io: Io, text: string): number {
  io.out(text);
  return EXIT_OK;
}

/** Commands are one word (`migrate`) or a group and a word (`incident declare`). */
function findCommand(argv: string[]): { command: Command; rest: string[] } | { help: string } {
  const [first, second] = argv;
  if (first === undefined) throw new UsageError('missing command');
  if (first.startsWith('-')) throw new UsageError(`unknown option ${first} (options go after the command)`);
  const single = commands.find((c) => c.name === first);
  if (single) return { command: single, rest: argv.slice(1) };
  const group = commands.filter((c) => c.name.startsWith(`${first} `));
  if (!group.length) throw new UsageError(`unknown command "${first}"`);
  if (second === '--help' || second === '-h') return { help: groupHelp(first, group) };
  const command = group.find((c) => c.name === `${first} ${second}`);
  if (command) return { command, rest: argv.slice(2) };
  const choices = group.map((c) => c.name.slice(first.length + 1)).join(', ');
  throw new UsageError(
    second === undefined || second.startsWith('-')
      ? `missing command after "${first}": one of ${choices}`
      : `unknown command "${first} ${second}": ${first} takes ${choices}`,
    first,
  );
}

/** `hikeshi help [group [command]]`. */
function helpFor(words: string[]): string {
  if (!words.length) return topHelp(commands, version());
  const found = findCommand([...words, '--help']);
  return 'help' in found ? found.help : commandHelp(found.command);
}
