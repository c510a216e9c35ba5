import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does with one request:
 * - `pass`: forwards it to the engine;
 * - `{ status }`: answers that status without forwarding (e.g. 503 from a load balancer);
 * - `reset`: drops the connection without forwarding;
 * - `lose-answer`: forwards it, so the engine acts on it, then drops the connection before the answer.
 */
export type FaultAction = 'pass' | { status: number } | 'reset' | 'lose-answer';

/** One request as the proxy saw it. */
export interface ProxiedRequest {
  method: string;
  /** Path below the engine's base URL, e.g. /external-task/abc/complete. */
  path: string;
}

/** A running proxy: its URL stands in for the engine's. */
export interface EngineFaultProxy {
  url: string;
  /** Every request so far, in order, with the action taken. */
  seen: Array<ProxiedRequest & { action: FaultAction }>;
  close(): Promise<void>;
}

/** An HTTP proxy in front of the real engine that injects faults into the requests `decide` picks, for tests of the worker runtime. */
export async function startEngineFaultProxy(engineUrl: string, decide: (req: ProxiedRequest) => FaultAction): Promise<EngineFaultProxy> {
  const target = new URL(engineUrl);
  const basePath = target.pathname.replace(/\/+$/, '');
  const seen: EngineFaultProxy['seen'] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').slice(basePath.length).split('?')[0] ?? '/';
    const action = decide({ method: req.method ?? 'GET', path });
    seen.push({ method: req.method ?? 'GET', path, action });
    if (action === 'reset') {
      req.socket.destroy();
    } else if (typeof action === 'object') {
      req.resume();
      res.writeHead(action.status, { 'content-type': 'text/plain' }).end('injected fault');
    } else {
      forward(target, req, res, action === 'lose-answer');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${basePath}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function forward(target: URL, req: IncomingMessage, res: ServerResponse, loseAnswer: boolean): void {
  const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (answer) => {
    if (loseAnswer) {
      answer.resume();
      answer.on('end', () => req.socket.destroy());
      return;
    }
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => req.socket.destroy());
  // A long poll the worker aborts must not stay open at the engine through the proxy.
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
}
