import { AppError } from '../../errors/index.js';

/** The plan is stored but the engine could not say whether its process started; nothing is lost, the start is settled later. */
export class OperationStartPendingError extends AppError<{ ref: string }> {
  readonly code = 'OPERATION_START_PENDING';
  readonly status = 503;
}
