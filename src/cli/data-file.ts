import { readFileSync } from 'node:fs';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { parse as parseYaml } from 'yaml';
import { ValidationError } from '../errors.js';

/** A file's text; a missing or unreadable file is a bad value of the option `field` names. */
export function readTextFile(file: string, field: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new ValidationError(field, code === 'ENOENT' ? `no file ${file}` : `cannot read ${file} (${code ?? String(error)})`);
  }
}

/**
 * A `--file` of YAML (or JSON, which YAML reads too) shaped as the API's body for `schema`;
 * the first misfit is named by its place in the file (`levels[1].targets[0].id`). The use
 * case still checks the values.
 */
export function readDataFile<T>(file: string, schema: TSchema): T {
  let value: unknown;
  try {
    value = parseYaml(readTextFile(file, 'file'));
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError('file', `${file} is not valid JSON or YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const [first] = Value.Errors(schema, value);
  if (first) {
    const path = first.instancePath.split('/').filter(Boolean).map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
    const params = first.params as Record<string, unknown>;
    const extra = (params.additionalProperties as string[] | undefined)?.[0] ?? (params.requiredProperties as string[] | undefined)?.[0];
    const field = [path, extra].filter(Boolean).join(path && extra ? '.' : '') || 'file';
    const reason = params.additionalProperties ? 'is not a known field' : params.requiredProperties ? 'is required' : first.message;
    throw new ValidationError('file', `${file}: ${field}: ${reason}`);
  }
  return value as T;
}
