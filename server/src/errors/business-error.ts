/**
 * A business outcome that the BPMN models with an error boundary event.
 * Thrown by a worker handler, it becomes handleBpmnError(code) instead of a failure.
 */
export class BusinessError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    readonly variables: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'BusinessError';
  }
}
