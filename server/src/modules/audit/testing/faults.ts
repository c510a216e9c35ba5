import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource, EntitySubscriberInterface } from 'typeorm';
import type { EngineClient } from '../../../engine/index.js';
import { EngineUnavailableError } from '../../../errors/index.js';

/**
 * Makes the next insert into the table fail inside its transaction, as a database failing after an engine call would.
 * Resolves `failed` once it has fired.
 */
export function failNextInsert(dataSource: DataSource, tableName: string): { failed: Promise<void> } {
  let fired: () => void;
  const failed = new Promise<void>((resolve) => (fired = resolve));
  const subscriber: EntitySubscriberInterface = {
    beforeInsert(event) {
      if (event.metadata.tableName !== tableName) return;
      dataSource.subscribers.splice(dataSource.subscribers.indexOf(subscriber), 1);
      fired();
      throw new Error(`injected failure of an insert into ${tableName}`);
    },
  };
  dataSource.subscribers.push(subscriber);
  return { failed };
}

/** The real engine client with some methods replaced; each replacement gets the real method to call or not. */
export function withEngineFaults(engine: EngineClient, faults: { [K in keyof EngineClient]?: EngineClient[K] extends (...args: infer A) => infer R ? (real: EngineClient[K], ...args: A) => R : never }): EngineClient {
  return new Proxy(engine, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      const fault = faults[property as keyof EngineClient] as ((real: unknown, ...args: unknown[]) => unknown) | undefined;
      if (typeof value !== 'function') return value;
      const real = (value as (...args: unknown[]) => unknown).bind(target);
      return fault ? (...args: unknown[]) => fault(real, ...args) : real;
    },
  });
}

/** The error EngineHttp throws when the engine does not answer in time: the outcome of a write is unknown. */
export function engineTimedOut(operation: string): EngineUnavailableError {
  return new EngineUnavailableError(`The process engine timed out (${operation})`, { operation }, { cause: new DOMException('The operation was aborted due to timeout', 'TimeoutError') });
}

/** The error EngineHttp throws when nothing listens at the engine's address: the request never arrived. */
export function engineRefusedConnection(operation: string): EngineUnavailableError {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
  return new EngineUnavailableError(`The process engine is unreachable (${operation})`, { operation }, { cause: new TypeError('fetch failed', { cause: refused }) });
}

/**
 * An HTTP proxy in front of the real engine that passes every request on at once, but never passes on the answer to
 * the requests `withholds` matches: the engine does the work, and the client times out waiting for the answer.
 */
export async function withholdingEngineProxy(engineUrl: string, withholds: (method: string, path: string) => boolean): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(engineUrl);
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = req.url!.slice(target.pathname.length) || '/';
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
    const answer = await fetch(new URL(req.url!, target.origin), { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const body = Buffer.from(await answer.arrayBuffer());
    if (withholds(req.method!, path.split('?')[0]!)) return;
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
