import type { Io } from './io.js';

/** One flag of a command, as `node:util` parseArgs understands it plus what help shows. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  required?: boolean;
  /** Shown in help after the flag: `--severity SEVERITY`. */
  placeholder?: string;
  description: string;
}

type OptionValue<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S['multiple'] extends true
    ? string[]
    : string;

export type OptionValues<O extends Record<string, OptionSpec>> = { [K in keyof O]?: OptionValue<O[K]> };

export interface CommandContext<O extends Record<string, OptionSpec>> {
  /** The positional arguments, exactly as many as the command names. */
  args: string[];
  options: OptionValues<O>;
  /** `--json`: print the use case's result as JSON instead of text. */
  json: boolean;
  io: Io;
}

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** The words that select it: `incident declare`. */
  name: string;
  summary: string;
  /** Required positional arguments, in order: `['INCIDENT']`. */
  arguments?: readonly string[];
  options: O;
  /** Use-case field → the flag that sets it, for error messages: `{ 'roles.commander': 'commander' }`. */
  fields?: Readonly<Record<string, string>>;
  /** Whether `--json` applies (not for `serve`). */
  json?: boolean;
  /** Extra help lines: examples and notes. */
  notes?: readonly string[];
  /** Resolves to the exit code, or nothing for success. */
  run(context: CommandContext<O>): Promise<number | void>;
}

export type Command = CommandSpec<Record<string, OptionSpec>>;

/** Keeps the option types of one command precise while the registry holds them all alike. */
export function defineCommand<const O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): Command {
  return spec as unknown as Command;
}
