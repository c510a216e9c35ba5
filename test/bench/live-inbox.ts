import type { ApiClient, EventStream } from '../support/api-client.js';

/** One row of GET /api/tasks, as far as the bench reads it. */
export interface InboxItem {
  id: string;
  taskDefinitionKey: string;
  case: { caseNo: string } | null;
}

/**
 * One person's inbox as the web app keeps it: fetched once, then again whenever the task stream says it changed,
 * so that waiting for a task costs what a browser costs, not a poll loop.
 */
export class LiveInbox {
  private items: InboxItem[] = [];
  private refreshing: Promise<void> | undefined;
  private again = false;
  private readonly waiters = new Set<() => void>();
  private stream: EventStream | undefined;

  constructor(private readonly api: ApiClient) {}

  /** Opens the stream and fetches the inbox; the signal closes the stream. */
  async open(signal: AbortSignal): Promise<void> {
    this.stream = await this.api.events('/api/tasks/stream', signal);
    this.stream.listeners.add((event) => event.event === 'tasks' && this.refresh());
    await this.refresh();
  }

  /** Waits until the inbox lists the case's task at that step. */
  async task(caseNo: string, step: string, timeoutMs = 60_000): Promise<InboxItem> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.items.find((t) => t.case?.caseNo === caseNo && t.taskDefinitionKey === step);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${step} of ${caseNo}`);
      // Like the web app, fetch anyway when the stream has been quiet for a while.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => void this.refresh().then(resolve, resolve), 5_000);
        this.waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Fetches the inbox; a change announced during a fetch fetches it once more after. */
  private refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.again = false;
        this.items = (await this.api.get<{ items: InboxItem[] }>('/api/tasks')).items;
        const waiting = [...this.waiters];
        this.waiters.clear();
        waiting.forEach((wake) => wake());
      } while (this.again);
    })().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }
}
