/** Shapes of the designer's versions, diff, live view and migration APIs (/api/designer/...), shared by server and web. */

/** Whether a definition is a BPMN process or a DMN decision. */
export type DefinitionKind = 'bpmn' | 'dmn';

/** One process or decision key with its newest version: GET /api/designer/processes. */
export interface ProcessKeySummary {
  key: string;
  /** The name of the newest version, or null when the model has none. */
  name: string | null;
  kind: DefinitionKind;
  latestVersion: number;
  /** How many versions of the key the engine holds. */
  versions: number;
  /** Running instances over all versions (always 0 for a decision). */
  runningInstances: number;
  /** Open incidents over all versions. */
  incidents: number;
}

/** Where a version came from: the designer's browser deployment, or the processes/ folder at start-up. */
export type VersionSource = 'designer' | 'file';

/** One deployed version of a key: GET /api/designer/processes/:key/versions, newest first. */
export interface DefinitionVersion {
  /** The engine's definition id (e.g. case-closed-loop:3:…). */
  id: string;
  key: string;
  version: number;
  name: string | null;
  kind: DefinitionKind;
  deploymentId: string;
  /** ISO time of the deployment. */
  deployedAt: string;
  source: VersionSource;
  /** The username of the designer, or 'system' for the start-up deployment of processes/. */
  deployedBy: string;
  /** The designer's display name, or 系统 for 'system'. */
  deployedByName: string;
  runningInstances: number;
  incidents: number;
}

/** The model of one version: GET /api/designer/definitions/:id/xml. */
export interface DefinitionXml {
  id: string;
  key: string;
  version: number;
  kind: DefinitionKind;
  xml: string;
}

/** One side of a diff: a deployed version, or a designer's draft (its current revision unless told). */
export type DiffSide = { definitionId: string } | { draftId: number; revision?: number };

/** POST /api/designer/diff. */
export interface DiffRequest {
  left: DiffSide;
  right: DiffSide;
}

/** An element of the model that a diff names. */
export interface DiffElement {
  id: string;
  name?: string;
  /** The BPMN type without prefix, e.g. ServiceTask, UserTask, SequenceFlow. */
  type: string;
}

/** The properties the change list names; anything else keeps the attribute's own name. */
export type DiffPropertyName = 'topic' | 'candidateGroups' | 'candidateUsers' | 'assignee' | 'timer' | 'form' | 'condition' | 'name' | 'script' | 'decision' | (string & {});

/** One changed property of an element, with its value before and after (as text). */
export interface DiffPropertyChange {
  property: DiffPropertyName;
  before?: string;
  after?: string;
}

/** An element whose properties changed. */
export interface DiffChangedElement extends DiffElement {
  properties: DiffPropertyChange[];
}

/** The answer of POST /api/designer/diff: both models and what changed from left to right. */
export interface DiffResult {
  left: { label: string; xml: string };
  right: { label: string; xml: string };
  changes: {
    added: DiffElement[];
    removed: DiffElement[];
    changed: DiffChangedElement[];
    /** Elements that only moved on the diagram (layout change, same semantics). */
    moved: DiffElement[];
  };
}

/** Counts of one activity of a version: GET /api/designer/definitions/:id/live. */
export interface LiveActivity {
  activityId: string;
  /** Active instances waiting at or running the activity now. */
  instances: number;
  /** Open incidents at the activity. */
  incidents: number;
  /** Finished runs of the activity in the history window. */
  finished: number;
  /** Median duration of the finished runs, when there are any. */
  medianDurationMs?: number;
}

/** An open incident of a version, with what it takes to retry it. */
export interface LiveIncident {
  id: string;
  activityId: string;
  /** The engine's type: failedJob, failedExternalTask, or another. */
  incidentType: string;
  message: string;
  processInstanceId: string;
  businessKey?: string;
  /** ISO time the incident was raised. */
  time: string;
  /** Whether setting retries can clear it (a failed job or external task still there). */
  retryable: boolean;
}

/** The live view of one version. */
export interface LiveView {
  activities: LiveActivity[];
  incidents: LiveIncident[];
  /** How many of the most recent finished activity runs the durations come from. */
  historyWindow: number;
}

/** POST /api/designer/incidents/:id/retry. */
export interface RetryRequest {
  /** @default 1 */
  retries?: number;
}

/** The answer of a retry. */
export interface RetryResult {
  incidentId: string;
  /** The failed job or external task whose retries were set. */
  target: { kind: 'job' | 'external-task'; id: string };
  retries: number;
}

/** POST /api/designer/migrations/plan. */
export interface MigrationPlanRequest {
  sourceDefinitionId: string;
  targetDefinitionId: string;
}

/** One instruction of a migration plan: these source activities move to these target activities. */
export interface MigrationInstructionView {
  sourceActivityIds: string[];
  targetActivityIds: string[];
  /** The engine's validation failures of this instruction, if any. */
  failures?: string[];
}

/** A running instance of the source version and whether it can move. */
export interface MigrationInstanceView {
  id: string;
  businessKey?: string;
  /** The activities it is at (every activity instance of its tree). */
  activityIds: string[];
  movable: boolean;
  /** Why it cannot move, in Chinese; empty when movable. */
  reasons: string[];
}

/** The answer of POST /api/designer/migrations/plan. */
export interface MigrationPlanView {
  sourceDefinitionId: string;
  targetDefinitionId: string;
  instructions: MigrationInstructionView[];
  instances: MigrationInstanceView[];
  /** How many instances can move. */
  movable: number;
  /** How many cannot. */
  blocked: number;
}

/** POST /api/designer/migrations/execute. */
export interface MigrationExecuteRequest extends MigrationPlanRequest {
  /** Only these instances (each must be a running instance of the source); all movable ones when absent. */
  processInstanceIds?: string[];
}

/** The answer of a migration: run at once for a few instances, as an engine batch for many. */
export interface MigrationExecuteResult {
  mode: 'sync' | 'batch';
  /** How many instances were migrated (sync) or handed to the batch. */
  migrated: number;
  batchId?: string;
  skipped: Array<{ id: string; reasons: string[] }>;
}

/** At most this many instances migrate synchronously; more go as a batch. */
export const syncMigrationLimit = 20;
