import type { PatrolRunStatus } from '../../contracts/patrols.js';
import { AppError } from '../../errors/index.js';

/** A check-in the rules refuse: the point is not inside the grid, or the grid is not on the run's route. */
export class CheckInRefusedError extends AppError<{ gridCode: string; reason: 'outside-grid' | 'not-on-route'; locatedGridCode?: string | null }> {
  readonly code = 'CHECK_IN_REFUSED';
  readonly status = 422;
}

/** Check-ins, findings and finishing a round belong to a run in progress; a run not started or already over refuses them. */
export class PatrolRunNotInProgressError extends AppError<{ ref: string; status: PatrolRunStatus }> {
  readonly code = 'PATROL_RUN_NOT_IN_PROGRESS';
  readonly status = 409;
}
