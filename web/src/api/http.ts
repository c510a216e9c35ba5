/** An HTTP answer that was not 2xx, with the server's error code and message when it sent them. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function serverError(body: unknown): { code?: string; message?: string } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return {};
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return {};
  const { code, message } = error as { code?: unknown; message?: unknown };
  return {
    code: typeof code === 'string' ? code : undefined,
    message: typeof message === 'string' ? message : undefined,
  };
}

/** Listeners told when the server answers 401, i.e. the session ended; the auth module signs the user out. */
const unauthorizedListeners = new Set<() => void>();

/** Calls the listener whenever an API call answers 401; returns a function that stops listening. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Options of one API request. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** A JSON body, or FormData sent as multipart. */
  body?: unknown;
}

/** Sends a request to the Lianqin API and returns its JSON (undefined for 204); throws an ApiError carrying the server's message on failure. */
export async function requestJson<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const isForm = options.body instanceof FormData;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    signal: options.signal,
    body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (!response.ok) {
    const { code, message } = serverError(body);
    if (response.status === 401 && !path.startsWith('/api/auth/login')) unauthorizedListeners.forEach((listener) => listener());
    throw new ApiError(message ?? `HTTP ${response.status} ${response.statusText}`.trim(), response.status, code, body);
  }
  return body as T;
}

/** GETs a JSON resource of the Lianqin API. */
export function getJson<T>(path: string, init?: { signal?: AbortSignal }): Promise<T> {
  return requestJson<T>('GET', path, { signal: init?.signal });
}

/** POSTs a JSON body (or FormData) to the Lianqin API. */
export function postJson<T = void>(path: string, body?: unknown, init?: { signal?: AbortSignal }): Promise<T> {
  return requestJson<T>('POST', path, { body, signal: init?.signal });
}

/** PATCHes a resource of the Lianqin API with a JSON body. */
export function patchJson<T = void>(path: string, body: unknown, init?: { signal?: AbortSignal }): Promise<T> {
  return requestJson<T>('PATCH', path, { body, signal: init?.signal });
}

/** A query string of the defined values, with its leading "?" (empty when none). */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
