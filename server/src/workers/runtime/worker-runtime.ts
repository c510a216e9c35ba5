import { Client, Variables, type Interceptor, type Task, type TaskService } from 'camunda-external-task-client-js';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { EngineClient, toEngineVariable } from '../../engine/index.js';
import type { CompletionRetryPolicy } from './complete-task.js';
import { defaultHeartbeatMs, Heartbeat } from './heartbeat.js';
import { pollBackoff } from './retry-policy.js';
import { settleTask } from './settle-task.js';
import { onceFor } from './side-effects.js';
import type { RetryPolicy, TaskInfo, TopicHandler } from './topic-handler.js';
import { uniqueWorkerId } from './worker-id.js';

/** Settings of one worker process. */
export interface WorkerRuntimeOptions {
  engineUrl: string;
  engineUser: string;
  enginePassword: string;
  /** Name in the workerId, e.g. the departments served. */
  name: string;
  dataSource: DataSource;
  logger: Logger;
  /** @default 10 */
  maxParallel?: number;
  /** @default 60000 */
  lockMs?: number;
  /** fetchAndLock long-poll wait. @default 20000 */
  longPollMs?: number;
  /** Default retry policy of handlers that set none. */
  retry?: Partial<RetryPolicy>;
  /** How a completion the engine did not take is tried again before the task is handed back. @default defaultCompletionRetry */
  completionRetry?: Partial<CompletionRetryPolicy>;
  /** How long stop() waits for in-flight handlers before unlocking them. @default 30000 */
  shutdownGraceMs?: number;
  /** Called after each task is settled, which may have moved a process on to new user tasks. */
  onSettled?: () => void;
  /** How often the runtime records in worker_presence that it polls its topics (the designer's lint shows it). @default 10000 */
  heartbeatMs?: number;
}

/**
 * Runs topic handlers on camunda-external-task-client-js and gets the delicate parts right:
 * a unique workerId, bounded concurrency, long polling with backoff, lock extension,
 * BPMN errors versus retried failures, idempotent side effects and a graceful stop.
 */
export class WorkerRuntime {
  readonly workerId: string;
  private readonly client: Client;
  private readonly inFlight = new Map<string, { task: Task; taskService: TaskService; done: Promise<void> }>();
  private readonly pollAbort = new AbortController();
  private stopping = false;
  private pollErrors = 0;
  private backoffTimer?: NodeJS.Timeout;
  /** When the engine may still answer the last long poll, locking tasks for this worker; 0 when none is open. */
  private pollOpenUntil = 0;
  private readonly topics: string[] = [];
  private readonly heartbeat: Heartbeat;

  constructor(private readonly options: WorkerRuntimeOptions) {
    this.workerId = uniqueWorkerId(options.name);
    this.heartbeat = new Heartbeat(
      options.dataSource,
      { workerId: this.workerId, name: options.name, topics: () => this.topics, healthy: () => this.pollErrors === 0 && !this.stopping },
      options.heartbeatMs ?? defaultHeartbeatMs,
      options.logger,
    );
    const auth = `Basic ${Buffer.from(`${options.engineUser}:${options.enginePassword}`).toString('base64')}`;
    const interceptor: Interceptor = (config) => ({
      ...config,
      headers: { ...config.headers, Authorization: auth },
      // Only the long poll may be aborted by stop(); completions of in-flight work must still go through.
      ...(isFetchAndLock(config.json) ? { signal: this.pollAbort.signal } : { timeout: { request: 30_000 } }),
    });
    this.client = new Client({
      baseUrl: options.engineUrl,
      workerId: this.workerId,
      maxTasks: options.maxParallel ?? 10,
      maxParallelExecutions: options.maxParallel ?? 10,
      asyncResponseTimeout: options.longPollMs ?? 20_000,
      lockDuration: options.lockMs ?? 60_000,
      interval: 50,
      autoPoll: false,
      interceptors: interceptor,
    });
    this.client.on('poll:start', () => (this.pollOpenUntil = Date.now() + (options.longPollMs ?? 20_000)));
    this.client.on('poll:error', (error: unknown) => {
      this.pollOpenUntil = 0;
      this.onPollError(error);
    });
    this.client.on('poll:success', () => {
      this.pollOpenUntil = 0;
      if (this.pollErrors > 0) options.logger.info('engine reachable again; polling resumed');
      this.pollErrors = 0;
    });
  }

  /** Subscribes the handlers; call before start(). */
  register(handlers: TopicHandler[]): this {
    for (const handler of handlers) {
      this.topics.push(handler.topic);
      const variables = variablesRead(handler);
      this.client.subscribe(handler.topic, { lockDuration: handler.lockMs ?? this.options.lockMs ?? 60_000, ...(variables ? { variables } : {}) }, ({ task, taskService }) =>
        this.run(handler, task, taskService),
      );
    }
    return this;
  }

  /** Topics this runtime serves. */
  get subscribedTopics(): readonly string[] {
    return this.topics;
  }

  /** Number of handlers running now. */
  get activeCount(): number {
    return this.inFlight.size;
  }

  start(): void {
    this.options.logger.info({ workerId: this.workerId, topics: this.topics }, 'worker polling');
    this.client.start();
    this.heartbeat.start();
  }

  /** Stops fetching, lets in-flight handlers finish within the grace period, then unlocks whatever is left. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    clearTimeout(this.backoffTimer);
    await this.heartbeat.stop();
    // Read before the abort, which ends the poll on our side only.
    const pollOpenUntil = this.pollOpenUntil;
    this.client.stop();
    this.pollAbort.abort();
    const grace = this.options.shutdownGraceMs ?? 30_000;
    const all = Promise.allSettled([...this.inFlight.values()].map((f) => f.done));
    const timedOut = await Promise.race([all.then(() => false), delay(grace).then(() => true)]);
    if (timedOut) {
      this.options.logger.warn({ left: this.inFlight.size }, 'shutdown grace period over; unlocking unfinished tasks');
      await Promise.allSettled([...this.inFlight.values()].map(({ task, taskService }) => taskService.unlock(task)));
    }
    await this.unlockLeftovers();
    // The engine does not see the aborted long poll go: until it times out, new tasks may still be locked for it.
    const pollOpenFor = pollOpenUntil - Date.now();
    if (pollOpenFor > 0) {
      await delay(pollOpenFor + 250);
      await this.unlockLeftovers();
    }
    this.options.logger.info({ workerId: this.workerId }, 'worker stopped');
  }

  /**
   * The engine may lock tasks for the aborted long poll after the client has gone; give back whatever it still holds
   * for this worker, so that they need not wait for their lock to expire.
   */
  private async unlockLeftovers(): Promise<void> {
    const engine = new EngineClient({ baseUrl: this.options.engineUrl, user: this.options.engineUser, password: this.options.enginePassword, timeoutMs: 5000, readRetries: 0 });
    try {
      const leftovers = await engine.lockedExternalTasks(this.workerId);
      await Promise.allSettled(leftovers.map((t) => engine.unlockExternalTask(t.id)));
      if (leftovers.length) this.options.logger.info({ count: leftovers.length }, 'unlocked tasks fetched while stopping');
    } catch (error) {
      this.options.logger.warn({ err: error }, 'could not check for tasks locked while stopping; their locks will expire');
    }
  }

  private run(handler: TopicHandler, task: Task, taskService: TaskService): Promise<void> {
    if (this.stopping) {
      // Fetched by a poll that was already under way: hand it back at once.
      return taskService.unlock(task).catch(() => undefined);
    }
    const info: TaskInfo = {
      id: task.id,
      topic: task.topicName,
      businessKey: task.businessKey,
      processInstanceId: task.processInstanceId,
      activityId: task.activityId,
      retries: task.retries,
      workerId: this.workerId,
    };
    const logger = this.options.logger.child({ topic: info.topic, taskId: info.id, businessKey: info.businessKey, processInstanceId: info.processInstanceId, activityId: info.activityId });
    const lockMs = handler.lockMs ?? this.options.lockMs ?? 60_000;
    // Extending every third of the lock leaves room for a late timer on a busy machine.
    const extender = setInterval(() => {
      taskService.extendLock(task, lockMs).catch((error: unknown) => logger.warn({ err: error }, 'could not extend the lock'));
    }, Math.max(250, Math.floor(lockMs / 3)));
    const done = settleTask({
      handler,
      task,
      taskService,
      info,
      logger,
      once: onceFor(this.options.dataSource, info),
      manager: this.options.dataSource.manager,
      retry: this.options.retry,
      completionRetry: this.options.completionRetry,
      toVariables,
    }).finally(() => {
      clearInterval(extender);
      this.inFlight.delete(task.id);
      this.options.onSettled?.();
    });
    this.inFlight.set(task.id, { task, taskService, done });
    return done;
  }

  private onPollError(error: unknown): void {
    if (this.stopping) return;
    this.pollErrors++;
    const wait = pollBackoff(this.pollErrors);
    this.options.logger.warn({ err: describe(error), retryInMs: wait, attempt: this.pollErrors }, 'cannot fetch tasks from the engine; backing off');
    // Pause the client's own fixed-interval polling and resume after the backoff.
    this.client.stop();
    clearTimeout(this.backoffTimer);
    this.backoffTimer = setTimeout(() => {
      if (!this.stopping) this.client.start();
    }, wait);
  }
}

function toVariables(values: Record<string, unknown>): Variables {
  const variables = new Variables();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) variables.setTyped(name, toEngineVariable(value as never) as never);
  }
  return variables;
}

/** The variables a handler's input schema names: fetching only these keeps fetchAndLock small. Undefined for "all". */
function variablesRead(handler: TopicHandler): string[] | undefined {
  const shape = (handler.input as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : undefined;
}

function isFetchAndLock(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'topics' in body && 'maxTasks' in body;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
