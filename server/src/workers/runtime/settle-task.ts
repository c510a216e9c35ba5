import type { Task, TaskService, Variables } from 'camunda-external-task-client-js';
import type { Logger } from 'pino';
import { BusinessError } from '../../errors/index.js';
import { completeTask, defaultCompletionRetry, type CompletionRetryPolicy } from './complete-task.js';
import { retriesAfterFailure, retryDelay } from './retry-policy.js';
import type { HandlerContext, RetryPolicy, TaskInfo, TopicHandler } from './topic-handler.js';

/** Default retry policy: 3 attempts, 5 s doubling up to 5 min. */
export const defaultRetryPolicy: RetryPolicy = { attempts: 3, baseDelayMs: 5000, maxDelayMs: 300_000 };

interface SettleInput {
  handler: TopicHandler;
  task: Task;
  taskService: TaskService;
  info: TaskInfo;
  logger: Logger;
  once: HandlerContext['once'];
  manager: HandlerContext['manager'];
  retry?: Partial<RetryPolicy>;
  completionRetry?: Partial<CompletionRetryPolicy>;
  toVariables(values: Record<string, unknown>): Variables;
}

/**
 * The one place that decides how a task ends: complete, BPMN error, or failure with retries. Only the handler's own
 * failure spends a retry; a completion the engine did not take is retried and handed back (see completeTask). Never throws.
 */
export async function settleTask(input: SettleInput): Promise<void> {
  const { handler, task, taskService, logger } = input;
  let variables: Variables;
  try {
    const output = await runHandler(input);
    variables = input.toVariables(output ?? {});
  } catch (error) {
    await report(input, error);
    return;
  }
  const completion = await completeTask({
    task,
    taskService,
    logger,
    variables,
    outputScope: handler.outputScope ?? 'process',
    policy: { ...defaultCompletionRetry, ...input.completionRetry },
  });
  if (completion.outcome === 'refused') await report(input, completion.error);
}

async function runHandler({ handler, task, info, logger, once, manager }: SettleInput) {
  const parsed = handler.input.safeParse(task.variables.getAll());
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`Process variables do not match what ${info.topic} reads: ${fields}`);
  }
  return handler.handle(parsed.data, { task: info, logger, once, manager });
}

async function report(input: SettleInput, error: unknown): Promise<void> {
  await reportError(input, error).catch((reportFailure: unknown) =>
    // The lock will expire and the engine redeliver the task; nothing is lost.
    input.logger.error({ err: reportFailure, outcome: errorMessageOf(error, input.info.topic) }, 'could not report the task outcome to the engine'),
  );
}

async function reportError({ handler, task, taskService, info, logger, retry, toVariables }: SettleInput, error: unknown): Promise<void> {
  if (error instanceof BusinessError) {
    logger.info({ errorCode: error.errorCode }, `business outcome: ${error.message}`);
    await taskService.handleBpmnError(task, error.errorCode, error.message, toVariables(error.variables));
    return;
  }
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...retry, ...handler.retry };
  const retries = retriesAfterFailure(task.retries, policy);
  const retryTimeout = retries > 0 ? retryDelay(retries, policy) : 0;
  const message = errorMessageOf(error, info.topic);
  if (retries > 0) logger.warn({ err: error, retriesLeft: retries, retryInMs: retryTimeout }, 'handler failed; will retry');
  await taskService.handleFailure(task, { errorMessage: message, errorDetails: errorDetailsOf(error), retries, retryTimeout });
  // An incident stops the process until an operator acts, so it must reach whoever alerts on errors. The runtime's
  // logger already names the process instance, activity, topic, task and business key.
  if (retries === 0) logger.error({ err: error, incident: true, retriesLeft: 0, errorMessage: message }, `incident raised: ${message}`);
}

/** A readable one-line message; the engine keeps at most 666 characters of it. */
function errorMessageOf(error: unknown, topic: string): string {
  const text = error instanceof Error ? error.message : String(error);
  return `[${topic}] ${text}`.replace(/\s+/g, ' ').slice(0, 600);
}

function errorDetailsOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `\nCaused by: ${error.cause.stack ?? error.cause.message}` : '';
  return `${error.stack ?? error.message}${cause}`;
}
