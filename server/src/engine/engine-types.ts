/** The parts of the engine's REST resources that Lianqin reads. Field names follow the Camunda 7 REST reference. */

export interface EngineVersion {
  version: string;
}

export interface ProcessDefinition {
  id: string;
  key: string;
  name: string | null;
  version: number;
  deploymentId: string;
  resource: string;
}

export interface DeploymentResult {
  id: string;
  name: string | null;
  deploymentTime: string;
  deployedProcessDefinitions: Record<string, ProcessDefinition> | null;
  deployedDecisionDefinitions: Record<string, { id: string; key: string; version: number }> | null;
}

export interface ProcessInstance {
  id: string;
  definitionId: string;
  businessKey: string | null;
  ended: boolean;
  suspended: boolean;
}

export interface HistoricProcessInstance {
  id: string;
  businessKey: string | null;
  processDefinitionKey: string;
  state: 'ACTIVE' | 'SUSPENDED' | 'COMPLETED' | 'EXTERNALLY_TERMINATED' | 'INTERNALLY_TERMINATED';
  startTime: string;
  endTime: string | null;
}

export interface HistoricActivityInstance {
  id: string;
  activityId: string;
  activityName: string | null;
  activityType: string;
  startTime: string;
  endTime: string | null;
  canceled: boolean;
  /** The enclosing activity instance (a subprocess), or the process instance id at the top level. */
  parentActivityInstanceId?: string | null;
  executionId?: string;
}

export interface Task {
  id: string;
  name: string | null;
  assignee: string | null;
  created: string;
  due: string | null;
  followUp: string | null;
  processInstanceId: string;
  processDefinitionId: string;
  taskDefinitionKey: string;
  formKey: string | null;
  camundaFormRef: { key: string; binding: string; version: number | null } | null;
}

export interface Incident {
  id: string;
  processInstanceId: string;
  activityId: string;
  incidentType: string;
  incidentMessage: string | null;
  configuration: string | null;
}

export interface ExternalTask {
  id: string;
  topicName: string;
  workerId: string | null;
  retries: number | null;
  errorMessage: string | null;
  lockExpirationTime: string | null;
  processInstanceId: string;
  activityId: string;
  businessKey: string | null;
}

export interface ExternalTaskLogEntry {
  id: string;
  externalTaskId: string;
  topicName: string;
  workerId: string | null;
  retries: number | null;
  errorMessage: string | null;
  timestamp: string;
  creationLog: boolean;
  failureLog: boolean;
  successLog: boolean;
  deletionLog: boolean;
}

export interface Job {
  id: string;
  dueDate: string | null;
  processInstanceId: string;
  retries: number;
  exceptionMessage: string | null;
  failedActivityId: string | null;
}

/** A user task of the history, open or ended: GET /history/task. */
export interface HistoricTaskInstance {
  id: string;
  name: string | null;
  taskDefinitionKey: string;
  processInstanceId: string;
  activityInstanceId: string;
  assignee: string | null;
  startTime: string;
  endTime: string | null;
  due: string | null;
  /** Why it ended: 'completed', 'deleted', or null while open. */
  deleteReason: string | null;
}

/** A variable of the history with its scope: GET /history/variable-instance. */
export interface HistoricVariableInstance {
  id: string;
  name: string;
  type: string;
  value: unknown;
  processInstanceId: string;
  /** The execution holding the variable; a subprocess's input mapping lands on the subprocess's own execution. */
  executionId: string;
  /** The activity instance the variable was created in (for an input mapping of a multi-instance subprocess, its multi-instance body). */
  activityInstanceId: string;
}

// --- designer: versions, live view and migration (helper V) ---

/** A deployment: GET /deployment/{id}. The name and source say who deployed it (designer:<username>, lianqin-designer). */
export interface Deployment {
  id: string;
  name: string | null;
  source: string | null;
  deploymentTime: string;
}

/** A decision definition: GET /decision-definition. */
export interface DecisionDefinition {
  id: string;
  key: string;
  name: string | null;
  version: number;
  deploymentId: string;
  resource: string;
}

/** Running instances, failed jobs and incidents of one process definition or activity: GET …/statistics. */
export interface DefinitionStatistics {
  /** The process definition id, or the activity id for activity statistics. */
  id: string;
  instances: number;
  failedJobs: number;
  incidents: Array<{ incidentType: string; incidentCount: number }>;
}

/** An incident with the fields the live view reads: GET /incident. */
export interface IncidentDetail extends Incident {
  processDefinitionId: string;
  incidentTimestamp: string;
  failedActivityId: string | null;
}

/** A finished or running activity of the history with its duration: GET /history/activity-instance. */
export interface HistoricActivityDuration {
  activityId: string;
  processInstanceId: string;
  durationInMillis: number | null;
  endTime: string | null;
}

/** One node of a process instance's activity instance tree: GET /process-instance/{id}/activity-instances. */
export interface ActivityInstanceTree {
  id: string;
  activityId: string;
  activityName?: string | null;
  activityType: string;
  childActivityInstances: ActivityInstanceTree[];
  childTransitionInstances: Array<{ id: string; activityId: string; activityName?: string | null }>;
}

/** A migration plan as the engine generates and executes it. */
export interface MigrationPlan {
  sourceProcessDefinitionId: string;
  targetProcessDefinitionId: string;
  instructions: Array<{ sourceActivityIds: string[]; targetActivityIds: string[]; updateEventTrigger?: boolean }>;
}

/** The engine's validation of a migration plan: POST /migration/validate. */
export interface MigrationPlanReport {
  instructionReports: Array<{ instruction: MigrationPlan['instructions'][number]; failures: string[] }>;
}

/** A batch the engine runs in the background: POST /migration/executeAsync. */
export interface Batch {
  id: string;
  type: string;
  totalJobs: number;
}
