import { AppError } from '../../errors/index.js';
import type { DeployRefusedDetails, DraftConflictDetails, DraftExistsDetails, LintFailedDetails } from '../../contracts/designer.js';

/** A draft of that file name exists already: open it instead of starting a second one. */
export class DraftExistsError extends AppError<DraftExistsDetails> {
  readonly code = 'DRAFT_EXISTS';
  readonly status = 409;
}

/** Someone saved the draft after the revision the editor started from. */
export class DraftConflictError extends AppError<DraftConflictDetails> {
  readonly code = 'DRAFT_CONFLICT';
  readonly status = 409;
}

/** The lint found errors: nothing is deployed while there are any. */
export class LintFailedError extends AppError<LintFailedDetails> {
  readonly code = 'LINT_FAILED';
  readonly status = 422;
}

/** The engine refused the model; its message and line are the answer. */
export class DeployRefusedError extends AppError<DeployRefusedDetails> {
  readonly code = 'DEPLOY_REFUSED';
  readonly status = 422;
}
