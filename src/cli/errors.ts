import { SettingsError } from '../config/settings.js';
import { HikeshiError, RotaRefusedError, ValidationError } from '../errors.js';
import { UsageError } from './args.js';
import type { Command } from './command.js';
import { groupUsage, TOP_USAGE, usageLine } from './help.js';
import type { Io } from './io.js';
import { lineProblems } from './present/line-problems.js';

export const EXIT_OK = 0;
/** The request was understood and refused: validation, not found, invalid transition, conflict. */
export const EXIT_FAILED = 1;
/** The command line itself is wrong. */
export const EXIT_USAGE = 2;

/** The one place where an error becomes a message on stderr and an exit code. */
export function reportError(error: unknown, io: Io, command?: Command): number {
  if (error instanceof UsageError) {
    const subject = error.subject ?? command;
    const [usage, help] =
      subject === undefined
        ? [TOP_USAGE, 'hikeshi help']
        : typeof subject === 'string'
          ? [groupUsage(subject), `hikeshi ${subject} --help`]
          : [usageLine(subject), `hikeshi ${subject.name} --help`];
    io.err(`error: ${error.message}\nusage: ${usage}\nRun '${help}' for details.\n`);
    return EXIT_USAGE;
  }
  if (error instanceof RotaRefusedError) {
    io.err(`error: ${error.message}\n${lineProblems(error.problems)}`);
    return EXIT_FAILED;
  }
  if (error instanceof ValidationError) {
    io.err(`error: ${flagFor(error.field, command)}: ${error.reason}\n`);
    return EXIT_FAILED;
  }
  if (error instanceof HikeshiError || error instanceof SettingsError) {
    io.err(`error: ${error.message}\n`);
    return EXIT_FAILED;
  }
  io.err(`error: ${describeUnexpected(error)}\n`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  return EXIT_FAILED;
}

/** Use cases name their input fields (`roles.commander`, `services[1]`); people typed flags. */
function flagFor(field: string, command: Command | undefined): string {
  const bare = field.replace(/\[\d+\]/g, '');
  return command?.fields?.[bare] ?? bare;
}

function describeUnexpected(error: unknown): string {
  if (error instanceof AggregateError && !error.message) {
    // A refused connection to every address of a host (pg, with Node's happy eyeballs).
    return error.errors.map(describeUnexpected).join('; ') || 'unknown error';
  }
  if (error instanceof Error) return error.message || String((error as { code?: string }).code ?? error.name);
  return String(error);
}
