/** Base of every error Lianqin maps to an HTTP answer: a stable code, a status and safe details. */
export abstract class AppError<D = unknown> extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
  readonly details?: D;

  constructor(message: string, details?: D, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.details = details;
  }
}

/** One problem with a field of a request, as sent to clients. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** A request body, query or parameter failed validation. */
export class ValidationError extends AppError<{ issues: FieldIssue[] }> {
  readonly code = 'VALIDATION_FAILED';
  readonly status = 400;
}

/** The request body is not parseable (bad JSON, wrong content type). */
export class MalformedRequestError extends AppError {
  readonly code = 'MALFORMED_REQUEST';
  readonly status = 400;
}

/** The request body is larger than the API accepts. */
export class PayloadTooLargeError extends AppError<{ limit?: number }> {
  readonly code = 'PAYLOAD_TOO_LARGE';
  readonly status = 413;
}

/** The request body has a content type the route does not take. */
export class UnsupportedMediaTypeError extends AppError {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
  readonly status = 415;
}

/** The caller is not signed in. */
export class UnauthorizedError extends AppError {
  readonly code = 'UNAUTHORIZED';
  readonly status = 401;
}

/** The caller is signed in but may not do this. */
export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
  readonly status = 403;
}

/** A state-changing request that did not come from the app's own pages (cross-site request forgery). */
export class CrossSiteRequestError extends AppError<{ origin: string | null; secFetchSite: string | null }> {
  readonly code = 'CROSS_SITE_REQUEST';
  readonly status = 403;
}

/** The thing asked for does not exist (or is not visible to the caller). */
export class NotFoundError extends AppError<{ resource?: string; id?: string }> {
  readonly code = 'NOT_FOUND';
  readonly status = 404;
}

/** The request conflicts with the current state, e.g. a task already claimed by someone else. */
export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
  readonly status = 409;
}

/** Too many attempts in a short time (sign-in throttling). */
export class TooManyRequestsError extends AppError {
  readonly code = 'TOO_MANY_REQUESTS';
  readonly status = 429;
}

/** A setting is missing or wrong; start-up stops with the names of the settings. */
export class ConfigError extends AppError<{ problems: string[] }> {
  readonly code = 'CONFIG_INVALID';
  readonly status = 500;

  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`, { problems });
  }
}
