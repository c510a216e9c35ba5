import { AppError } from '../../errors/index.js';

/** A model that does not parse as BPMN (a draft mid-edit, say): the parser's message is the answer. */
export class InvalidModelError extends AppError<{ label: string }> {
  readonly code = 'MODEL_INVALID';
  readonly status = 422;
}

/** The diff compares BPMN processes; decisions and forms are refused by name. */
export class DiffUnsupportedError extends AppError<{ kind: string }> {
  readonly code = 'DIFF_UNSUPPORTED';
  readonly status = 422;
}

/** An incident that setting retries cannot clear: resolved already, or not a failed job or external task. */
export class IncidentNotRetryableError extends AppError<{ incidentId: string; incidentType?: string }> {
  readonly code = 'INCIDENT_NOT_RETRYABLE';
  readonly status = 422;
}

/** A migration between definitions that cannot be planned: not two versions of one process, or the same version. */
export class MigrationRefusedError extends AppError<{ sourceDefinitionId: string; targetDefinitionId: string; processInstanceIds?: string[]; failures?: string[] }> {
  readonly code = 'MIGRATION_REFUSED';
  readonly status = 422;
}

/** The live view and migration are for BPMN processes; a decision definition is refused by name. */
export class NotAProcessError extends AppError<{ id: string }> {
  readonly code = 'NOT_A_PROCESS';
  readonly status = 422;
}
