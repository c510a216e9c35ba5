import { AppError } from './app-error.js';

/** The engine's own error body: https://docs.camunda.org/manual/latest/reference/rest/overview/#error-handling */
export interface EngineErrorBody {
  type?: string;
  message?: string;
  code?: number;
  details?: unknown;
}

interface EngineErrorDetails {
  engineType?: string;
  engineStatus?: number;
  engineDetails?: unknown;
}

/** The engine could not be reached in time (down, refused, timed out). */
export class EngineUnavailableError extends AppError<{ operation: string }> {
  readonly code = 'ENGINE_UNAVAILABLE';
  readonly status = 503;
}

/** The engine answered with an error we do not map more precisely. */
export class EngineFailureError extends AppError<EngineErrorDetails> {
  readonly code = 'ENGINE_FAILURE';
  readonly status = 502;
}

/** The engine refused the request as invalid (its 400), e.g. a variable of the wrong type. */
export class EngineRejectedError extends AppError<EngineErrorDetails> {
  readonly code = 'ENGINE_REJECTED';
  readonly status = 422;
}

/** The engine has no such entity (its 404). */
export class EngineNotFoundError extends AppError<EngineErrorDetails> {
  readonly code = 'NOT_FOUND';
  readonly status = 404;
}

/** A concurrent change won (task already claimed, optimistic locking). */
export class EngineConflictError extends AppError<EngineErrorDetails> {
  readonly code = 'CONFLICT';
  readonly status = 409;
}

/** The engine rejected our credentials: a configuration fault, never the caller's. */
export class EngineAuthError extends AppError {
  readonly code = 'ENGINE_AUTH';
  readonly status = 502;
}

/** The engine user lacks a permission (its 403): also a configuration fault. */
export class EngineForbiddenError extends AppError {
  readonly code = 'ENGINE_FORBIDDEN';
  readonly status = 502;
}

/** A BPMN, DMN or form file that the engine refused to deploy. */
export class DeploymentParseError extends AppError<EngineErrorDetails> {
  readonly code = 'DEPLOYMENT_INVALID';
  readonly status = 422;
}

const conflictTypes = new Set(['TaskAlreadyClaimedException', 'OptimisticLockingException']);

/** Turns an engine error answer into the matching typed error. */
export function engineErrorFrom(status: number, body: EngineErrorBody, operation: string): AppError {
  const message = body.message ?? `Engine answered ${status} to ${operation}`;
  const details: EngineErrorDetails = { engineType: body.type, engineStatus: status, engineDetails: body.details };
  if (status === 401) return new EngineAuthError('The engine refused Lianqin\'s credentials; check ENGINE_USER and ENGINE_PASSWORD');
  if (status === 403) return new EngineForbiddenError(`The engine user may not do ${operation}; grant it the authorization or use an admin user`);
  if (body.type === 'ParseException') return new DeploymentParseError(message, details);
  if (body.type && conflictTypes.has(body.type)) return new EngineConflictError(message, details);
  if (/already claimed/i.test(message)) return new EngineConflictError(message, details);
  if (status === 404) return new EngineNotFoundError(message, details);
  if (status === 400) return new EngineRejectedError(message, details);
  return new EngineFailureError(message, details);
}
