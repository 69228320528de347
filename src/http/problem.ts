import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import {
  ConflictError,
  ForbiddenError,
  HikeshiError,
  InvalidTransitionError,
  IntegrationCredentialsError,
  NotFoundError,
  PayloadError,
  RateLimitedError,
  RotaRefusedError,
  type LineProblem,
  UnauthenticatedError,
  ValidationError,
} from '../errors.js';

/** RFC 9457 problem details, plus a stable `code` and, for bad input, the `field`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  field?: string;
  allowed?: readonly string[];
  /** A refused file's problems, each with its line. */
  problems?: readonly LineProblem[];
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function problem(status: number, code: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `urn:hikeshi:problem:${code}`, title: TITLES[status] ?? 'Error', status, detail, code, ...extra };
}

export function toProblem(error: unknown): Problem {
  if (error instanceof HikeshiError) return fromHikeshiError(error);
  const fastifyError = error as FastifyError & { validation?: ErrorObject[]; validationContext?: string };
  if (fastifyError.validation?.length) return fromSchemaErrors(fastifyError.validation, fastifyError.validationContext ?? 'body');
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return problem(status, codeForFastify(fastifyError.code), fastifyError.message);
  }
  return problem(500, 'internal', 'An unexpected error occurred; it has been logged.');
}

function fromHikeshiError(error: HikeshiError): Problem {
  if (error instanceof ValidationError) return problem(422, error.code, error.message, { field: error.field });
  if (error instanceof PayloadError) return problem(400, error.code, error.message, { field: error.field });
  if (error instanceof IntegrationCredentialsError) return problem(401, error.code, error.message);
  if (error instanceof RateLimitedError) return problem(429, error.code, error.message);
  if (error instanceof InvalidTransitionError) return problem(409, error.code, error.message, { allowed: error.allowed });
  if (error instanceof RotaRefusedError) return problem(422, error.code, error.message, { problems: error.problems });
  if (error instanceof NotFoundError) return problem(404, error.code, error.message);
  if (error instanceof ConflictError) return problem(409, error.code, error.message);
  if (error instanceof UnauthenticatedError) return problem(401, error.code, error.message);
  if (error instanceof ForbiddenError) return problem(403, error.code, error.message);
  return problem(400, error.code, error.message);
}

/** Names the offending field the way a client wrote it: `services[1]`, `roles.commander`. */
function fromSchemaErrors(errors: ErrorObject[], context: string): Problem {
  const error = errors[0]!;
  const path = error.instancePath
    .split('/')
    .filter(Boolean)
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`))
    .join('')
    .replace(/^\./, '');
  const params = error.params as Record<string, unknown>;
  const extraField = (params.missingProperty ?? params.additionalProperty) as string | undefined;
  const field = [path, extraField].filter(Boolean).join(path && extraField ? '.' : '') || context;
  const reason =
    error.keyword === 'additionalProperties'
      ? 'is not a known field'
      : error.keyword === 'required'
        ? 'is required'
        : error.keyword === 'enum'
          ? `must be one of ${(params.allowedValues as unknown[]).join(', ')}`
          : (error.message ?? 'is invalid');
  return problem(400, 'validation.invalid_field', `${context === 'body' ? '' : `${context} `}${field}: ${reason}`, { field });
}

function codeForFastify(code: string | undefined): string {
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'request.invalid_json';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'request.too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'request.unsupported_media_type';
    default:
      return 'request.invalid';
  }
}

export function sendProblem(reply: FastifyReply, value: Problem): FastifyReply {
  return reply.code(value.status).type('application/problem+json').send(value);
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const value = toProblem(error);
  if (value.status >= 500) request.log.error({ err: error }, 'request failed');
  return sendProblem(reply, value);
}
