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

  /** Opens a server-sent event stream with this session; abort the signal to close it. */
  async events(path: string, signal: AbortSignal): Promise<EventStream> {
    const response = await fetch(this.baseUrl + path, { headers: { accept: 'text/event-stream', ...(this.cookie ? { cookie: this.cookie } : {}) }, signal });
    return new EventStream(response);
  }

  get<T = any>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  post<T = any>(path: string, body?: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }
}

/** One server-sent event. */
export interface ServerEvent {
  event: string;
  data: string;
}

/** Reads a text/event-stream response in the background and keeps every event it receives. */
export class EventStream {
  readonly received: ServerEvent[] = [];
  /** Called with each event as it arrives. */
  readonly listeners = new Set<(event: ServerEvent) => void>();
  readonly done: Promise<void>;

  constructor(readonly response: Response) {
    this.done = this.read().catch(() => undefined);
  }

  private async read(): Promise<void> {
    if (!this.response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = this.response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = block.split('\n').filter((line) => !line.startsWith(':'));
        const event = fields.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
        const data = fields.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
        if (data) {
          const received = { event, data };
          this.received.push(received);
          this.listeners.forEach((listener) => listener(received));
        }
      }
    }
  }
}
