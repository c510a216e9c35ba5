import { demoPassword } from '../../db/seed/demo-data.js';

/** A tiny HTTP client for tests that keeps the session cookie, as a browser would. */
export class ApiClient {
  private cookie?: string;

  constructor(private readonly baseUrl: string) {}

  /** A client signed in as the user (demo password by default). */
  static async signedIn(baseUrl: string, username: string, password = demoPassword): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    const response = await client.raw('POST', '/api/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
    return client;
  }

  /** Sends a request and returns the raw response; JSON bodies are sent as JSON, FormData as multipart. */
  async raw(method: string, path: string, body?: unknown): Promise<Response> {
    const isForm = body instanceof FormData;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    return response;
  }

  /** Sends a request and returns its JSON, failing with the server's error when the status is not 2xx. */
  async send<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.raw(method, path, body);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T = any>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  post<T = any>(path: string, body?: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }
}
