/**
 * Domain and application errors. Each carries a stable `code`; adapters map them in one
 * place (HTTP: problem+json, CLI: message and exit code).
 */
export abstract class HikeshiError extends Error {
  abstract readonly code: string;
}

export class ValidationError extends HikeshiError {
  readonly code = 'validation.invalid_field';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** A monitor's payload that does not fit its format (answered 400, naming the field). */
export class PayloadError extends HikeshiError {
  readonly code = 'alerts.invalid_payload';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** A monitor's request without a valid integration credential; says nothing of whether the integration exists. */
export class IntegrationCredentialsError extends HikeshiError {
  readonly code = 'alerts.invalid_credentials';
  constructor() {
    super('Invalid integration credentials');
  }
}

/** An integration over its rate limit: nothing of the request was stored. */
export class RateLimitedError extends HikeshiError {
  readonly code = 'alerts.rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many alerts for this integration; retry in ${retryAfterSeconds} s`);
  }
}

export class NotFoundError extends HikeshiError {
  readonly code = 'resource.not_found';
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} ${id} was not found`);
  }
}

export class ConflictError extends HikeshiError {
  readonly code: string;
  constructor(message: string, code = 'resource.conflict') {
    super(message);
    this.code = code;
  }
}

export class UnauthenticatedError extends HikeshiError {
  readonly code = 'auth.unauthenticated';
  constructor(message = 'Authentication is required') {
    super(message);
  }
}

export class ForbiddenError extends HikeshiError {
  readonly code = 'auth.forbidden';
  constructor(message: string) {
    super(message);
  }
}

export class InvalidTransitionError extends HikeshiError {
  readonly code = 'incident.invalid_transition';
  constructor(
    readonly from: string,
    readonly to: string,
    readonly allowed: readonly string[],
  ) {
    super(
      `An incident cannot move from ${from} to ${to}. From ${from} it can move to: ${
        allowed.length ? allowed.join(', ') : 'nothing (it is final)'
      }.`,
    );
  }
}

/** One problem of an uploaded file, located by its line (a spreadsheet rota's row). */
export interface LineProblem {
  line: number;
  code: string;
  column?: string;
  value?: string;
  message: string;
}

/**
 * A file refused as a whole (a required column missing, an unclosed quote, nothing usable):
 * nothing was changed. `problems` lists every line-numbered problem found.
 */
export class RotaRefusedError extends HikeshiError {
  readonly code = 'oncall.rota_refused';
  constructor(
    message: string,
    readonly problems: readonly LineProblem[],
  ) {
    super(message);
  }
}
