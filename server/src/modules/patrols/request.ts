import type { Request } from 'express';
import { z } from 'zod';
import { MalformedRequestError, validationErrorFrom } from '../../errors/index.js';

/** Parses a JSON body with a strict schema; each unknown field is its own issue (body.foo: 不支持的字段 foo), in Chinese like the rest. */
export function parseJsonBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  if (req.body === undefined) throw new MalformedRequestError('请求体须为 JSON (Content-Type: application/json)');
  const result = schema.safeParse(req.body);
  if (result.success) return result.data;
  throw validationErrorFrom(new z.ZodError(result.error.issues.flatMap(splitUnknownKeys)), 'body');
}

function splitUnknownKeys(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'unrecognized_keys') return [issue];
  return issue.keys.map((key) => ({ ...issue, keys: [key], path: [...issue.path, key], message: `不支持的字段 ${key}` }));
}
