import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { VariableValue } from '../../engine/index.js';

/** What a handler knows about the external task it works on. */
export interface TaskInfo {
  id: string;
  topic: string;
  businessKey: string | null;
  processInstanceId: string;
  activityId: string;
  /** Retries left as the engine reports them; null on the first attempt. */
  retries: number | null;
  workerId: string;
}

/** Everything a handler may use besides its input. */
export interface HandlerContext {
  task: TaskInfo;
  logger: Logger;
  /** For reads; writes that must not repeat go through once(). */
  manager: EntityManager;
  /**
   * Runs a database side effect at most once per external task and step name: the effect and its record commit
   * together, and a redelivered task gets the stored result back instead of repeating the effect.
   */
  once<T>(step: string, effect: (manager: EntityManager) => Promise<T>): Promise<T>;
}

/** How a technical failure is retried before it becomes an incident. */
export interface RetryPolicy {
  /** Attempts in all, the first one included. @default WORKER_RETRIES + 1 */
  attempts: number;
  /** Wait before the first retry; doubles each time, capped at maxDelayMs. @default 5000 */
  baseDelayMs: number;
  /** @default 300000 */
  maxDelayMs: number;
}

/** Output variables of a handler: plain values, typed on the way to the engine. */
export type HandlerOutput = Record<string, VariableValue | undefined>;

/** One topic's handler: typed input read from the task's variables, typed output written back on completion. */
export interface TopicHandler<S extends z.ZodType = z.ZodType> {
  topic: string;
  /** Validates and types the process variables the handler reads. */
  input: S;
  handle(input: z.output<S>, context: HandlerContext): Promise<HandlerOutput | void>;
  retry?: Partial<RetryPolicy>;
  /** Lock duration for this topic; extended while the handler runs. */
  lockMs?: number;
  /**
   * Where the output goes: 'process' (default) sets process variables; 'local' sets variables local to the task,
   * which the BPMN maps outwards with output parameters, e.g. into one instance of a multi-instance subprocess.
   */
  outputScope?: 'process' | 'local';
}

/** Declares a handler with its input type inferred from the schema. */
export function defineHandler<S extends z.ZodType>(handler: TopicHandler<S>): TopicHandler<S> {
  return handler;
}
