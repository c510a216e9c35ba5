import type { Request } from 'express';
import type { z } from 'zod';
import { MalformedRequestError } from '../errors/index.js';
import { validationErrorFrom } from '../errors/error-handler.js';

/** Parses the JSON body with the schema; a wrong shape is a 400 naming every field. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  if (req.body === undefined) throw new MalformedRequestError('Request body must be JSON (Content-Type: application/json)');
  const result = schema.safeParse(req.body);
  if (!result.success) throw validationErrorFrom(result.error, 'body');
  return result.data;
}

/** Parses the query string with the schema. */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const result = schema.safeParse(req.query);
  if (!result.success) throw validationErrorFrom(result.error, 'query');
  return result.data;
}
