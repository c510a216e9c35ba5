import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineNotFoundError, EngineRejectedError, EngineUnavailableError } from '../errors/index.js';
import { EngineHttp, type EngineHttpOptions } from './engine-http.js';

/** One request as the stand-in engine saw it. */
interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local HTTP server standing in for the engine, and the requests it has seen. */
interface EngineStub {
  baseUrl: string;
  calls: SeenRequest[];
}

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

/** Starts an engine stand-in; `answer` gets the 1-based number of the call. */
async function engineStub(answer: (res: ServerResponse, call: number, req: SeenRequest) => void): Promise<EngineStub> {
  const calls: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      calls.push(seen);
      answer(res, calls.length, seen);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/engine-rest`, calls };
}

/** A port on which nothing listens: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function unavailable(res: ServerResponse): void {
  res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
}

function engineHttp(baseUrl: string, options: Partial<EngineHttpOptions> = {}): EngineHttp {
  return new EngineHttp({ baseUrl, user: 'demo', password: 's3cret', timeoutMs: 2000, readRetries: 2, ...options });
}

describe('EngineHttp retries', () => {
  it('retries a GET after 503 and succeeds on the third try', async () => {
    // given an engine that answers 503 twice, then the version
    const engine = await engineStub((res, call) => (call < 3 ? unavailable(res) : json(res, 200, { version: '7.24.0' })));
    const http = engineHttp(engine.baseUrl, { readRetries: 2 });
    // when
    const result = await http.send<{ version: string }>({ method: 'GET', path: '/version' });
    // then
    expect(result).toEqual({ version: '7.24.0' });
    expect(engine.calls).toHaveLength(3);
  });

  it('gives up on a GET after 1 + readRetries attempts with EngineUnavailableError', async () => {
    // given an engine that always answers 503
    const engine = await engineStub((res) => unavailable(res));
    const http = engineHttp(engine.baseUrl, { readRetries: 1 });
    // when
    const sending = http.send({ method: 'GET', path: '/task' });
    // then
    await expect(sending).rejects.toBeInstanceOf(EngineUnavailableError);
    await expect(sending).rejects.toThrow('The process engine answered 503 (GET /task)');
    expect(engine.calls).toHaveLength(2);
  });

  it('does not retry a POST after 503 and throws EngineUnavailableError', async () => {
    // given an engine that answers 503 once, then would succeed
    const engine = await engineStub((res, call) => (call === 1 ? unavailable(res) : json(res, 200, { id: 'pi-1' })));
    const http = engineHttp(engine.baseUrl, { readRetries: 2 });
    // when
    const sending = http.send({ method: 'POST', path: '/process-definition/key/case/start', body: { businessKey: 'C-1' } });
    // then
    await expect(sending).rejects.toBeInstanceOf(EngineUnavailableError);
    expect(engine.calls).toHaveLength(1);
  });

  it('retries a POST marked read: true after 503', async () => {
    // given an engine that answers 503 once, then a task list
    const engine = await engineStub((res, call) => (call === 1 ? unavailable(res) : json(res, 200, [{ id: 't-1' }])));
    const http = engineHttp(engine.baseUrl);
    // when
    const result = await http.send<{ id: string }[]>({ method: 'POST', path: '/task', body: { assignee: 'mary' }, read: true });
    // then
    expect(result).toEqual([{ id: 't-1' }]);
    expect(engine.calls).toHaveLength(2);
  });

  it.each([502, 504])('retries a GET after %i too', async (status) => {
    // given
    const engine = await engineStub((res, call) => (call === 1 ? json(res, status, {}) : json(res, 200, [])));
    const http = engineHttp(engine.baseUrl);
    // when
    const result = await http.send({ method: 'GET', path: '/incident' });
    // then
    expect(result).toEqual([]);
    expect(engine.calls).toHaveLength(2);
  });

  it('does not retry a GET the engine answered with a 4xx', async () => {
    // given
    const engine = await engineStub((res) => json(res, 400, { type: 'InvalidRequestException', message: 'bad sortBy' }));
    const http = engineHttp(engine.baseUrl);
    // when
    const sending = http.send({ method: 'GET', path: '/task', query: { sortBy: 'nonsense' } });
    // then
    await expect(sending).rejects.toBeInstanceOf(EngineRejectedError);
    expect(engine.calls).toHaveLength(1);
  });
});

describe('EngineHttp unavailability', () => {
  it('throws EngineUnavailableError saying "timed out" when the engine does not answer within timeoutMs', async () => {
    // given an engine that never answers
    const engine = await engineStub(() => undefined);
    const http = engineHttp(engine.baseUrl, { timeoutMs: 100, readRetries: 0 });
    // when
    const sending = http.send({ method: 'GET', path: '/task' });
    // then
    await expect(sending).rejects.toBeInstanceOf(EngineUnavailableError);
    await expect(sending).rejects.toThrow(/timed out/);
  });

  it('throws EngineUnavailableError saying "timed out" when the engine stalls in the middle of its body', async () => {
    // given an engine that sends headers and half a body, then nothing
    const engine = await engineStub((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[{"id":');
    });
    const http = engineHttp(engine.baseUrl, { timeoutMs: 100, readRetries: 0 });
    // when
    const sending = http.send({ method: 'GET', path: '/task' });
    // then
    await expect(sending).rejects.toBeInstanceOf(EngineUnavailableError);
    await expect(sending).rejects.toThrow(/timed out/);
  });

  it('throws EngineUnavailableError when the engine drops the connection in the middle of its body', async () => {
    // given an engine that sends headers and half a body, then closes the socket
    const engine = await engineStub((res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('[{"id":', () => res.socket?.destroy());
    });
    const http = engineHttp(engine.baseUrl, { readRetries: 0 });
    // when
    const sending = http.send({ method: 'GET', path: '/task' });
    // then
    await expect(sending).rejects.toBeInstanceOf(EngineUnavailableError);
    await expect(sending).rejects.toThrow('The process engine is unreachable (GET /task)');
  });

  it('lets one request override the default timeout', async () => {
    // given an engine that answers after 300 ms, and a default timeout of 100 ms
    const engine = await engineStub((res) => setTimeout(() => json(res, 200, { id: 'dep-1' }), 300));
    const http = engineHttp(engine.baseUrl, { timeoutMs: 100 });
    // when
    const result = await http.send({ method: 'POST', path: '/deployment/create', body: {}, timeoutMs: 5000 });
    // then
    expect(result).toEqual({ id: 'dep-1' });
  });

  it('throws EngineUnavailableError when the connection is refused', async () => {
    // given a port nothing listens on
    const port = await closedPort();
    const http = engineHttp(`http://127.0.0.1:${port}/engine-rest`, { readRetries: 0 });
    // when
    const sending = http.send({ method: 'GET', path: '/version' });
    // then
    await expect(sending).rejects.toBeInstanceOf(EngineUnavailableError);
    await expect(sending).rejects.toThrow('The process engine is unreachable (GET /version)');
  });
});

describe('EngineHttp answers and requests', () => {
  it('maps a 404 JSON error body to EngineNotFoundError with the engine message', async () => {
    // given
    const engine = await engineStub((res) => json(res, 404, { type: 'InvalidRequestException', message: 'No matching task with id t-9' }));
    const http = engineHttp(engine.baseUrl);
    // when
    const sending = http.send({ method: 'GET', path: '/task/t-9' });
    // then
    await expect(sending).rejects.toBeInstanceOf(EngineNotFoundError);
    await expect(sending).rejects.toThrow('No matching task with id t-9');
    await expect(sending).rejects.toMatchObject({ details: { engineType: 'InvalidRequestException', engineStatus: 404 } });
  });

  it('uses a non-JSON error body as the message', async () => {
    // given
    const engine = await engineStub((res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'));
    const http = engineHttp(engine.baseUrl);
    // when
    const sending = http.send({ method: 'GET', path: '/nope' });
    // then
    await expect(sending).rejects.toBeInstanceOf(EngineNotFoundError);
    await expect(sending).rejects.toThrow('<h1>Not Found</h1>');
  });

  it('sends the basic auth header of the configured user', async () => {
    // given
    const engine = await engineStub((res) => json(res, 200, {}));
    const http = engineHttp(engine.baseUrl, { user: 'demo', password: 's3cret' });
    // when
    await http.send({ method: 'GET', path: '/version' });
    // then
    expect(engine.calls[0]?.headers.authorization).toBe(`Basic ${Buffer.from('demo:s3cret').toString('base64')}`);
  });

  it('returns a text/plain answer as a string', async () => {
    // given
    const xml = '<?xml version="1.0"?><definitions/>';
    const engine = await engineStub((res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(xml));
    const http = engineHttp(engine.baseUrl);
    // when
    const result = await http.send<string>({ method: 'GET', path: '/process-definition/pd-1/xml', accept: 'text/plain' });
    // then
    expect(result).toBe(xml);
    expect(engine.calls[0]?.headers.accept).toBe('text/plain');
  });

  it('returns undefined for a 204', async () => {
    // given
    const engine = await engineStub((res) => res.writeHead(204).end());
    const http = engineHttp(engine.baseUrl);
    // when
    const result = await http.send({ method: 'POST', path: '/task/t-1/claim', body: { userId: 'mary' } });
    // then
    expect(result).toBeUndefined();
  });

  it('sends a JSON body, the query without undefined entries, and trims the base URL', async () => {
    // given a base URL with a trailing slash
    const engine = await engineStub((res) => json(res, 200, []));
    const http = engineHttp(`${engine.baseUrl}/`);
    // when
    await http.send({ method: 'POST', path: '/task', query: { firstResult: 0, maxResults: 50, sortBy: undefined }, body: { name: '暴露垃圾' }, read: true });
    // then
    const [call] = engine.calls;
    expect(call?.url).toBe('/engine-rest/task?firstResult=0&maxResults=50');
    expect(call?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(call?.body ?? 'null')).toEqual({ name: '暴露垃圾' });
  });
});
