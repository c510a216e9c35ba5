import type { Request } from 'express';
import { z } from 'zod';
import { MalformedRequestError, validationErrorFrom } from '../../errors/index.js';

/**
 * Parses part of a request with a strict schema, as parseBody/parseQuery do, but names each unknown field on its own
 * path (body.foo: 不支持的字段) instead of one issue on the whole body.
 */
export function parseRequest<S extends z.ZodType>(schema: S, req: Request, where: 'body' | 'query'): z.output<S> {
  const input: unknown = where === 'body' ? req.body : req.query;
  if (where === 'body' && input === undefined) throw new MalformedRequestError('请求体须为 JSON (Content-Type: application/json)');
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw validationErrorFrom(new z.ZodError(result.error.issues.flatMap(splitUnknownKeys)), where);
}

function splitUnknownKeys(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'unrecognized_keys') return [issue];
  return issue.keys.map((key) => ({ ...issue, keys: [key], path: [...issue.path, key], message: `不支持的字段 ${key}` }));
}
