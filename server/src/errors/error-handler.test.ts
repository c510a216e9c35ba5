import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConflictError, NotFoundError } from './app-error.js';
import { EngineUnavailableError } from './engine-errors.js';
import { apiNotFound, errorHandler, type ErrorBody } from './error-handler.js';

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  const app = express();
  app.get('/not-found', () => {
    throw new NotFoundError('No case C-1', { resource: 'case', id: 'C-1' });
  });
  app.get('/conflict', async () => {
    await Promise.resolve();
    throw new ConflictError('Task already claimed');
  });
  app.get('/engine-down', () => {
    throw new EngineUnavailableError('The process engine is unreachable (GET /task)', { operation: 'GET /task' });
  });
  app.get('/zod', () => {
    z.object({ title: z.string(), count: z.number() }).parse({ title: 42 });
  });
  app.get('/unknown', () => {
    throw new Error('secret db password xyz');
  });
  app.get('/unknown-async', async () => {
    await Promise.resolve();
    throw new Error('secret db password xyz');
  });
  app.post('/json', express.json(), (req, res) => {
    res.json({ received: req.body as unknown });
  });
  app.use('/api', apiNotFound);
  app.use(errorHandler(pino({ level: 'silent' })));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server?.close((e) => (e ? reject(e) : resolve())) ?? resolve());
});

async function call(path: string, init?: RequestInit): Promise<{ status: number; text: string; body: ErrorBody }> {
  const response = await fetch(baseUrl + path, init);
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as ErrorBody };
}

describe('errorHandler', () => {
  it.each([
    { route: '/not-found', status: 404, error: { code: 'NOT_FOUND', message: 'No case C-1', details: { resource: 'case', id: 'C-1' } } },
    { route: '/conflict', status: 409, error: { code: 'CONFLICT', message: 'Task already claimed' } },
    {
      route: '/engine-down',
      status: 503,
      error: { code: 'ENGINE_UNAVAILABLE', message: 'The process engine is unreachable (GET /task)', details: { operation: 'GET /task' } },
    },
  ])('answers an AppError thrown by $route with its status $status and code', async ({ route, status, error }) => {
    // given the app above
    // when
    const answer = await call(route);
    // then
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error });
  });

  it('leaves details out when an AppError has none', async () => {
    // given a route throwing ConflictError without details
    // when
    const answer = await call('/conflict');
    // then
    expect(answer.body.error).not.toHaveProperty('details');
  });

  it('answers a ZodError with 400 VALIDATION_FAILED and one issue per field', async () => {
    // given a route whose schema rejects { title: 42 }
    // when
    const answer = await call('/zod');
    // then
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(answer.body.error.message).toMatch(/^Invalid request: /);
    expect(answer.body.error.details).toEqual({
      issues: [
        { path: 'body.title', message: expect.any(String) as string },
        { path: 'body.count', message: expect.any(String) as string },
      ],
    });
  });

  it('answers malformed JSON with 400 MALFORMED_REQUEST', async () => {
    // given
    const init: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title": ' };
    // when
    const answer = await call('/json', init);
    // then
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: { code: 'MALFORMED_REQUEST', message: 'Request body is not valid JSON' } });
  });

  it('passes well-formed JSON through to the route', async () => {
    // given
    const init: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"暴露垃圾"}' };
    // when
    const response = await fetch(`${baseUrl}/json`, init);
    // then
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: { title: '暴露垃圾' } });
  });

  it.each(['/unknown', '/unknown-async'])('answers an unknown error from %s with a bare 500 INTERNAL that leaks nothing', async (route) => {
    // given a route throwing Error("secret db password xyz")
    // when
    const answer = await call(route);
    // then
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ error: { code: 'INTERNAL', message: 'Internal error; it has been logged.' } });
    expect(answer.text).not.toMatch(/secret|password|xyz/);
    expect(answer.text).not.toMatch(/\bat .*\(.*:\d+:\d+\)|error-handler\.test/);
  });

  it('answers an unknown /api route with a JSON 404', async () => {
    // given no route /api/nothing
    // when
    const answer = await call('/api/nothing');
    // then
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('NOT_FOUND');
    expect(answer.body.error.message).toMatch(/^No API route GET (\/api)?\/nothing$/);
  });
});
