import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ValidationError } from '../errors.js';
import type { Command, OptionSpec, OptionValues } from './command.js';

/** The command line itself is wrong (unknown command or flag, missing argument): exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** Whose usage to show: a command, a group of commands (`incident`), or none for the top level. */
    readonly subject?: Command | string,
  ) {
    super(message);
  }
}

/** Flags every command takes. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean', description: 'Print the result as JSON' },
  help: { type: 'boolean', short: 'h', description: 'Show this help' },
} as const satisfies Record<string, OptionSpec>;

export function commonOptions(command: Command): Record<string, OptionSpec> {
  return command.json === false ? { help: COMMON_OPTIONS.help } : COMMON_OPTIONS;
}

export interface ParsedCommandLine {
  args: string[];
  options: OptionValues<Record<string, OptionSpec>>;
  help: boolean;
  json: boolean;
}

/** Strict parsing: an unknown flag, a missing value or a wrong number of arguments is a UsageError. */
export function parseCommandLine(command: Command, argv: string[]): ParsedCommandLine {
  const specs = { ...command.options, ...commonOptions(command) };
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = { type: spec.type, ...(spec.multiple && { multiple: true }), ...(spec.short && { short: spec.short }) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(describeParseError(error), command);
  }
  const values = parsed.values as RawValues;
  const help = values.help === true;
  if (!help) checkArguments(command, parsed.positionals, values);
  // The values match the command's own option specs; `defineCommand` typed them for its `run`.
  const typed = values as OptionValues<Record<string, OptionSpec>>;
  return { args: parsed.positionals, options: typed, help, json: values.json === true };
}

type RawValues = Record<string, string | boolean | string[] | undefined>;

function checkArguments(command: Command, positionals: string[], values: RawValues): void {
  const expected = command.arguments ?? [];
  if (positionals.length < expected.length) {
    throw new UsageError(`missing argument ${expected[positionals.length]}`, command);
  }
  if (positionals.length > expected.length) {
    const extra = positionals[expected.length]!;
    const hint = expected.length ? ` (quote ${expected[expected.length - 1]} if it has spaces)` : '';
    throw new UsageError(`unexpected argument "${extra}"${hint}`, command);
  }
  for (const [name, spec] of Object.entries(command.options)) {
    if (spec.required && values[name] === undefined) throw new UsageError(`missing option --${name}`, command);
  }
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) return `unknown option ${flag}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
    if (/does not take an argument/.test(message)) return `option ${flag} does not take a value`;
    if (/ambiguous/.test(message)) return `option ${flag} needs a value (write ${flag}=-VALUE for one that starts with a dash)`;
    return `option ${flag} needs a value`;
  }
  return message.split('\n')[0]!;
}

/** `--status a,b --status c` → `['a', 'b', 'c']`. */
export function listOption(values: readonly string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

export function integerOption(value: string | undefined, field: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < min || number > max) {
    throw new ValidationError(field, `must be an integer from ${min} to ${max} (got "${value}")`);
  }
  return number;
}

export function oneOf<T extends string>(value: string | undefined, field: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(field, `must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}
