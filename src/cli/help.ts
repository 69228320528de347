import { commonOptions } from './args.js';
import type { Command } from './command.js';
import { table } from './output.js';

export const TOP_USAGE = 'hikeshi <command> [options]';

export function groupUsage(group: string): string {
  return `hikeshi ${group} <command> [options]`;
}

export function usageLine(command: Command): string {
  const args = (command.arguments ?? []).map((a) => ` ${a}`).join('');
  const required = Object.entries(command.options)
    .filter(([, spec]) => spec.required)
    .map(([name, spec]) => ` --${name} ${spec.placeholder ?? 'VALUE'}`)
    .join('');
  return `hikeshi ${command.name}${args}${required} [options]`;
}

/** `hikeshi help`: every command, one line each. */
export function topHelp(commands: readonly Command[], version: string): string {
  return [
    `Hikeshi ${version}: incident management from the command line.`,
    '',
    `usage: ${TOP_USAGE}`,
    '',
    'Commands:',
    indent(table(null, commands.map((c) => [c.name, c.summary]))),
    '',
    'Options:',
    indent(table(null, [['--json', 'Print the result as JSON'], ['-h, --help', 'Show help'], ['--version', 'Print the version']])),
    '',
    'Environment:',
    indent(table(null, [
      ['DATABASE_URL', 'sqlite:<path> (default sqlite:./data/hikeshi.db) or postgres://...'],
      ['HIKESHI_CONFIG', 'the settings file (default ./hikeshi.yaml when present)'],
    ])),
    '',
    "Run 'hikeshi help <command>' for a command's options.",
    '',
  ].join('\n');
}

/** `hikeshi incident --help`: the commands of one group. */
export function groupHelp(group: string, commands: readonly Command[]): string {
  return [
    `usage: ${groupUsage(group)}`,
    '',
    'Commands:',
    indent(table(null, commands.map((c) => [c.name, c.summary]))),
    '',
    `Run 'hikeshi help ${group} <command>' for a command's options.`,
    '',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const options = Object.entries({ ...command.options, ...commonOptions(command) }).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` ${spec.placeholder ?? 'VALUE'}` : ''}`;
    const notes = [spec.required && 'required', spec.multiple && 'repeatable'].filter(Boolean);
    return [flag, `${spec.description}${notes.length ? ` (${notes.join(', ')})` : ''}`];
  });
  return [
    `${command.summary}.`,
    '',
    `usage: ${usageLine(command)}`,
    '',
    'Options:',
    indent(table(null, options)),
    ...(command.notes?.length ? ['', ...command.notes] : []),
    '',
  ].join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
