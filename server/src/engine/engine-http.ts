import type { Logger } from 'pino';
import { EngineUnavailableError, engineErrorFrom, type EngineErrorBody } from '../errors/index.js';

/** Connection settings of the engine's REST API. */
export interface EngineHttpOptions {
  baseUrl: string;
  user: string;
  password: string;
  /** @default 10000 */
  timeoutMs?: number;
  /** Retries of idempotent reads on network errors and 502/503/504. @default 2 */
  readRetries?: number;
  logger?: Logger;
}

/** One request to the engine, relative to its base URL. */
export interface EngineRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Marks a POST that only reads (e.g. a task query); reads may be retried. */
  read?: boolean;
  /** Media type to ask for. @default application/json */
  accept?: string;
  /** Overrides the default timeout, e.g. for long deployments. */
  timeoutMs?: number;
}

const retriableStatuses = new Set([502, 503, 504]);

/** Low-level transport: auth, timeouts, read retries and error mapping. Only EngineClient uses it. */
export class EngineHttp {
  private readonly authHeader: string;
  private readonly baseUrl: string;

  constructor(private readonly options: EngineHttpOptions) {
    this.authHeader = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** Sends the request and returns the parsed JSON body (undefined for 204). */
  async send<T>(request: EngineRequest): Promise<T> {
    const idempotent = request.method === 'GET' || request.read === true;
    const attempts = idempotent ? 1 + (this.options.readRetries ?? 2) : 1;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await this.sendOnce<T>(request);
      } catch (error) {
        lastError = error;
        if (attempt === attempts || !isRetriable(error)) throw error;
        this.options.logger?.debug({ path: request.path, attempt }, 'retrying engine read');
        await delay(150 * 2 ** (attempt - 1));
      }
    }
    throw lastError;
  }

  private async sendOnce<T>(request: EngineRequest): Promise<T> {
    const operation = `${request.method} ${request.path}`;
    const url = new URL(this.baseUrl + request.path);
    for (const [k, v] of Object.entries(request.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const isForm = request.body instanceof FormData;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: request.method,
        headers: {
          authorization: this.authHeader,
          accept: request.accept ?? 'application/json',
          ...(request.body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
        },
        body: request.body === undefined ? undefined : isForm ? (request.body as FormData) : JSON.stringify(request.body),
        signal: AbortSignal.timeout(request.timeoutMs ?? this.options.timeoutMs ?? 10_000),
      });
      text = await response.text();
    } catch (cause) {
      const reason = cause instanceof Error && cause.name === 'TimeoutError' ? 'timed out' : 'is unreachable';
      throw new EngineUnavailableError(`The process engine ${reason} (${operation})`, { operation }, { cause });
    }
    if (!response.ok) {
      if (retriableStatuses.has(response.status)) {
        throw new EngineUnavailableError(`The process engine answered ${response.status} (${operation})`, { operation });
      }
      throw engineErrorFrom(response.status, parseErrorBody(text), operation);
    }
    if (!text) return undefined as T;
    const isJson = response.headers.get('content-type')?.includes('json') ?? false;
    return (isJson ? JSON.parse(text) : text) as T;
  }
}

function parseErrorBody(text: string): EngineErrorBody {
  try {
    return JSON.parse(text) as EngineErrorBody;
  } catch {
    return { message: text.slice(0, 500) };
  }
}

function isRetriable(error: unknown): boolean {
  return error instanceof EngineUnavailableError;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
