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

/** GETs a JSON resource of the Lianqin API; throws an ApiError carrying the server's message on failure. */
export async function getJson<T>(path: string, init?: { signal?: AbortSignal }): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, signal: init?.signal });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (!response.ok) {
    const { code, message } = serverError(body);
    throw new ApiError(message ?? `HTTP ${response.status} ${response.statusText}`.trim(), response.status, code, body);
  }
  return body as T;
}
