import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { AppError, MalformedRequestError, NotFoundError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from './app-error.js';

/** The error body every API error has. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Turns a ZodError into our ValidationError with one issue per field. */
export function validationErrorFrom(error: ZodError, where = 'body'): ValidationError {
  const issues = error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message }));
  return new ValidationError(`Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
}

/** Answers unknown /api routes with a JSON 404 instead of the web app. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No API route ${req.method} ${req.originalUrl.split('?')[0]}`));
};

/** The one mapping from errors to HTTP answers. Unknown errors become a bare 500; their cause goes to the log only. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    // Once the answer has started, only Express can end it.
    if (res.headersSent) return next(error);
    const known = toAppError(error);
    if (known) {
      if (known.status >= 500) logger.warn({ err: error, path: req.path }, known.message);
      const body: ErrorBody = { error: { code: known.code, message: known.message, ...(known.details === undefined ? {} : { details: known.details }) } };
      res.status(known.status).json(body);
      return;
    }
    logger.error({ err: error, path: req.path, method: req.method }, 'unhandled error');
    const body: ErrorBody = { error: { code: 'INTERNAL', message: 'Internal error; it has been logged.' } };
    res.status(500).json(body);
  };
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationErrorFrom(error);
  // body-parser errors carry a status and a type; they are always the client's mistake.
  const e = error as { type?: string; status?: number; message?: string; limit?: number };
  if (e?.type === 'entity.too.large') return new PayloadTooLargeError(`Request body is larger than ${e.limit ?? 'the limit'} bytes`, { limit: e.limit });
  if (e?.status === 415) return new UnsupportedMediaTypeError(e.message ?? 'Unsupported content type');
  if (e && typeof e.status === 'number' && e.status >= 400 && e.status < 500 && typeof e.type === 'string') {
    return new MalformedRequestError(e.type === 'entity.parse.failed' ? 'Request body is not valid JSON' : (e.message ?? 'Malformed request'));
  }
  return undefined;
}
