import type { z } from 'zod';
import { MalformedRequestError, validationErrorFrom } from '../../errors/index.js';

/** Parses a JSON body with the schema; a missing body is a 400 saying JSON is expected, a wrong shape a 400 naming each field. */
export function parseRequestBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body === undefined) throw new MalformedRequestError('请求体须为 JSON (Content-Type: application/json)');
  const result = schema.safeParse(body);
  if (!result.success) throw validationErrorFrom(result.error, 'body');
  return result.data;
}
