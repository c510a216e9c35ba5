/** Our own typings of camunda-external-task-client-js v3: only what the worker runtime uses (the @types package is out of date). */
declare module 'camunda-external-task-client-js' {
  import type { EventEmitter } from 'node:events';

  export interface TypedValue {
    value: unknown;
    type: string;
    valueInfo?: Record<string, unknown>;
  }

  export class Variables {
    constructor(initial?: Record<string, TypedValue>);
    get(name: string): unknown;
    getTyped(name: string): TypedValue | null;
    getAll(): Record<string, unknown>;
    getAllTyped(): Record<string, TypedValue>;
    set(name: string, value: unknown): this;
    setTyped(name: string, typed: TypedValue): this;
    setAll(values: Record<string, unknown>): this;
  }

  export interface Task {
    id: string;
    topicName: string;
    workerId: string;
    retries: number | null;
    errorMessage: string | null;
    businessKey: string | null;
    activityId: string;
    activityInstanceId: string;
    processInstanceId: string;
    processDefinitionKey: string;
    lockExpirationTime: string;
    priority: number;
    variables: Variables;
  }

  export interface FailureOptions {
    errorMessage: string;
    errorDetails?: string;
    retries: number;
    retryTimeout: number;
  }

  export interface TaskService {
    complete(task: Task, variables?: Variables, localVariables?: Variables): Promise<void>;
    handleFailure(task: Task, options: FailureOptions): Promise<void>;
    handleBpmnError(task: Task, errorCode: string, errorMessage?: string, variables?: Variables): Promise<void>;
    extendLock(task: Task, newDuration: number): Promise<void>;
    unlock(task: Task): Promise<void>;
  }

  /** got request options, as interceptors see and return them. */
  export interface RequestConfig {
    method: string;
    headers?: Record<string, string>;
    json?: unknown;
    signal?: AbortSignal;
    timeout?: { request?: number };
    [key: string]: unknown;
  }

  export type Interceptor = (config: RequestConfig) => RequestConfig;

  export interface ClientOptions {
    baseUrl: string;
    workerId?: string;
    maxTasks?: number;
    maxParallelExecutions?: number;
    interval?: number;
    lockDuration?: number;
    autoPoll?: boolean;
    asyncResponseTimeout?: number;
    usePriority?: boolean;
    interceptors?: Interceptor | Interceptor[];
    use?: unknown;
  }

  export interface SubscribeOptions {
    lockDuration?: number;
    variables?: string[];
    processDefinitionKey?: string;
    businessKey?: string;
  }

  export type Handler = (args: { task: Task; taskService: TaskService }) => Promise<void> | void;

  export interface TopicSubscription {
    unsubscribe(): void;
  }

  export class Client extends EventEmitter {
    constructor(options: ClientOptions);
    readonly options: ClientOptions;
    activeTasksCount: number;
    start(): void;
    stop(): void;
    subscribe(topic: string, options: SubscribeOptions, handler: Handler): TopicSubscription;
    subscribe(topic: string, handler: Handler): TopicSubscription;
  }

  export class BasicAuthInterceptor {
    constructor(options: { username: string; password: string });
  }
}
