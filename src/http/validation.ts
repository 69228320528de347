import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: false, strict: false, ...options });
  addFormats.default(ajv);
  return ajv;
}

/**
 * Bodies are checked exactly as sent: no type coercion (a string "3" is not a number) and
 * no silent removal of unknown fields (a typo is reported). Query strings and path
 * parameters are text by nature, so there numbers and lists are coerced.
 */
export function validatorCompiler(): FastifySchemaCompiler<object> {
  const strict = makeAjv({ coerceTypes: false, removeAdditional: false, useDefaults: true });
  const lenient = makeAjv({ coerceTypes: 'array', removeAdditional: false, useDefaults: true });
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : lenient).compile(schema);
}
