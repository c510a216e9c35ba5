import { EngineHttp, type EngineHttpOptions } from './engine-http.js';
import type { ActivityInstanceTree, Batch, DecisionDefinition, DefinitionStatistics, Deployment, HistoricActivityDuration, IncidentDetail, MigrationPlan, MigrationPlanReport } from './engine-types.js';
import type { DeploymentResult, EngineVersion, ExternalTask, ExternalTaskLogEntry, Job, HistoricActivityInstance, HistoricProcessInstance, HistoricTaskInstance, HistoricVariableInstance, Incident, ProcessDefinition, ProcessInstance, Task } from './engine-types.js';
import { toEngineVariables, fromEngineVariables, type EngineVariables, type VariableValue } from './engine-variables.js';

/** One file to deploy. */
export interface DeploymentResource {
  name: string;
  content: Buffer | string;
}

/** Task query filters (a subset of POST /task). */
export interface TaskQuery {
  taskId?: string;
  processInstanceId?: string;
  processInstanceBusinessKey?: string;
  taskDefinitionKey?: string;
  candidateGroup?: string;
  candidateGroups?: string[];
  assignee?: string;
  processDefinitionKey?: string;
  processDefinitionKeyIn?: string[];
  processInstanceIdIn?: string[];
  candidateUser?: string;
  includeAssignedTasks?: boolean;
  /** ISO dates with offset, e.g. 2026-01-02T08:30:00.000+0000. */
  dueBefore?: string;
  dueAfter?: string;
  /** Camunda's "or" queries: the criteria inside one are OR'ed; several or-queries are AND'ed. */
  orQueries?: Array<Omit<TaskQuery, 'orQueries'>>;
  sorting?: Array<{ sortBy: 'dueDate' | 'created' | 'priority'; sortOrder: 'asc' | 'desc' }>;
}

/** The typed client of the engine's REST API; the one place that knows its URLs. */
export class EngineClient {
  private readonly http: EngineHttp;

  constructor(options: EngineHttpOptions) {
    this.http = new EngineHttp(options);
  }

  /** GET /version: also the readiness probe (needs valid credentials). */
  version(): Promise<EngineVersion> {
    return this.http.send({ method: 'GET', path: '/version' });
  }

  /** POST /deployment/create with duplicate filtering and deploy-changed-only. */
  deploy(name: string, resources: DeploymentResource[], source = 'lianqin'): Promise<DeploymentResult> {
    const form = new FormData();
    form.set('deployment-name', name);
    form.set('deployment-source', source);
    form.set('enable-duplicate-filtering', 'true');
    form.set('deploy-changed-only', 'true');
    for (const r of resources) form.append(r.name, new Blob([typeof r.content === 'string' ? r.content : new Uint8Array(r.content)]), r.name);
    return this.http.send({ method: 'POST', path: '/deployment/create', body: form, timeoutMs: 60_000 });
  }

  /** Id of the newest deployment of that name, if any. */
  async latestDeploymentId(name: string): Promise<string | undefined> {
    const rows = await this.http.send<Array<{ id: string }>>({
      method: 'GET',
      path: '/deployment',
      query: { name, sortBy: 'deploymentTime', sortOrder: 'desc', maxResults: 1 },
    });
    return rows[0]?.id;
  }

  /** Names of the resources inside one deployment. */
  async deploymentResourceNames(deploymentId: string): Promise<string[]> {
    const rows = await this.http.send<Array<{ name: string }>>({ method: 'GET', path: `/deployment/${enc(deploymentId)}/resources` });
    return rows.map((r) => r.name);
  }

  /** Process definitions of one key, newest first. */
  processDefinitions(key: string): Promise<ProcessDefinition[]> {
    return this.http.send({ method: 'GET', path: '/process-definition', query: { key, sortBy: 'version', sortOrder: 'desc' } });
  }

  /** BPMN 2.0 XML of one process definition. */
  async processDefinitionXml(processDefinitionId: string): Promise<string> {
    const body = await this.http.send<{ bpmn20Xml: string }>({ method: 'GET', path: `/process-definition/${enc(processDefinitionId)}/xml`, read: true });
    return body.bpmn20Xml;
  }

  /** Starts the latest version of a process. */
  startProcess(key: string, input: { businessKey?: string; variables?: Record<string, VariableValue> } = {}): Promise<ProcessInstance> {
    return this.http.send({
      method: 'POST',
      path: `/process-definition/key/${enc(key)}/start`,
      body: { businessKey: input.businessKey, variables: toEngineVariables(input.variables ?? {}) },
    });
  }

  /** Variables of a running process instance, as plain values. */
  async processVariables(processInstanceId: string): Promise<Record<string, unknown>> {
    const raw = await this.http.send<EngineVariables>({ method: 'GET', path: `/process-instance/${enc(processInstanceId)}/variables`, query: { deserializeValues: false } });
    return fromEngineVariables(raw);
  }

  /** Cancels a running process instance; its open external tasks go with it, so a worker completing one gets 404. */
  deleteProcessInstance(id: string): Promise<void> {
    return this.http.send({ method: 'DELETE', path: `/process-instance/${enc(id)}`, query: { skipCustomListeners: true } });
  }

  /** The historic process instance, running or ended. */
  historicProcessInstance(id: string): Promise<HistoricProcessInstance> {
    return this.http.send({ method: 'GET', path: `/history/process-instance/${enc(id)}` });
  }

  /** Instances of a process with one business key, running or ended, oldest first: finds a start whose answer was lost. */
  processInstancesByBusinessKey(processDefinitionKey: string, businessKey: string): Promise<HistoricProcessInstance[]> {
    return this.http.send({ method: 'GET', path: '/history/process-instance', query: { processDefinitionKey, processInstanceBusinessKey: businessKey, sortBy: 'startTime', sortOrder: 'asc' } });
  }

  /** Who was made and unmade assignee of a task, and when (claims and unclaims), oldest first. */
  assigneeHistory(taskId: string): Promise<Array<{ userId: string | null; operationType: 'add' | 'delete'; time: string }>> {
    return this.http.send({ method: 'GET', path: '/history/identity-link-log', query: { taskId, type: 'assignee', sortBy: 'time', sortOrder: 'asc' } });
  }

  /** One user task of the history, open or ended; undefined when the engine has no record of it. */
  async historicTask(taskId: string): Promise<HistoricTaskInstance | undefined> {
    const rows = await this.http.send<HistoricTaskInstance[]>({ method: 'GET', path: '/history/task', query: { taskId } });
    return rows[0];
  }

  /** Historic variables of a process instance, including ended ones, as plain values. */
  async historicVariables(processInstanceId: string): Promise<Record<string, unknown>> {
    const rows = await this.http.send<Array<{ name: string; value: unknown; type: string }>>({
      method: 'GET',
      path: '/history/variable-instance',
      query: { processInstanceId, deserializeValues: false },
    });
    return fromEngineVariables(Object.fromEntries(rows.map((r) => [r.name, { value: r.value, type: r.type }])));
  }

  /** Activity history of a process instance in order. */
  activityHistory(processInstanceId: string): Promise<HistoricActivityInstance[]> {
    return this.http.send({
      method: 'GET',
      path: '/history/activity-instance',
      query: { processInstanceId, sortBy: 'startTime', sortOrder: 'asc' },
    });
  }

  /** User tasks of a process instance, open and ended, oldest first. */
  historicTasks(processInstanceId: string): Promise<HistoricTaskInstance[]> {
    return this.http.send({ method: 'GET', path: '/history/task', query: { processInstanceId, sortBy: 'startTime', sortOrder: 'asc' } });
  }

  /** Every instance of one variable in a process instance, with the execution that holds it (e.g. departmentCode per subprocess). */
  historicVariableInstances(processInstanceId: string, variableName: string): Promise<HistoricVariableInstance[]> {
    return this.http.send({ method: 'GET', path: '/history/variable-instance', query: { processInstanceId, variableName, deserializeValues: false } });
  }

  /** Open user tasks matching the query. */
  tasks(query: TaskQuery): Promise<Task[]> {
    return this.http.send({ method: 'POST', path: '/task', body: query, read: true });
  }

  /** Candidates and assignee of a task. */
  identityLinks(taskId: string): Promise<Array<{ userId: string | null; groupId: string | null; type: string }>> {
    return this.http.send({ method: 'GET', path: `/task/${enc(taskId)}/identity-links` });
  }

  /** One open task; NotFound when it is done or does not exist. */
  task(taskId: string): Promise<Task> {
    return this.http.send({ method: 'GET', path: `/task/${enc(taskId)}` });
  }

  /** The variables visible from a task, as plain values. */
  async taskVariables(taskId: string): Promise<Record<string, unknown>> {
    const raw = await this.http.send<EngineVariables>({ method: 'GET', path: `/task/${enc(taskId)}/variables`, query: { deserializeValues: false } });
    return fromEngineVariables(raw);
  }

  /** The Camunda Form a task references with camunda:formRef, as the engine deployed it (form-js JSON). */
  deployedForm<T>(taskId: string): Promise<T> {
    return this.http.send({ method: 'GET', path: `/task/${enc(taskId)}/deployed-form`, read: true });
  }

  claim(taskId: string, userId: string): Promise<void> {
    return this.http.send({ method: 'POST', path: `/task/${enc(taskId)}/claim`, body: { userId } });
  }

  unclaim(taskId: string): Promise<void> {
    return this.http.send({ method: 'POST', path: `/task/${enc(taskId)}/unclaim` });
  }

  completeTask(taskId: string, variables: Record<string, VariableValue | undefined> = {}): Promise<void> {
    return this.http.send({ method: 'POST', path: `/task/${enc(taskId)}/complete`, body: { variables: toEngineVariables(variables) } });
  }

  /** Open incidents, optionally of one process instance. */
  incidents(processInstanceId?: string): Promise<Incident[]> {
    return this.http.send({ method: 'GET', path: '/incident', query: { processInstanceId } });
  }

  /** External tasks currently locked by one worker. */
  lockedExternalTasks(workerId: string): Promise<ExternalTask[]> {
    return this.http.send({ method: 'GET', path: '/external-task', query: { workerId, locked: true } });
  }

  /** Gives a locked external task back, so another worker can fetch it at once. */
  unlockExternalTask(externalTaskId: string): Promise<void> {
    return this.http.send({ method: 'POST', path: `/external-task/${enc(externalTaskId)}/unlock` });
  }

  /** External tasks of a process instance (locked or not). */
  externalTasks(processInstanceId: string): Promise<ExternalTask[]> {
    return this.http.send({ method: 'GET', path: '/external-task', query: { processInstanceId } });
  }

  /** The external task log of a process instance: every lock, failure and success, with the worker that did it. */
  externalTaskLog(processInstanceId: string): Promise<ExternalTaskLogEntry[]> {
    return this.http.send({ method: 'GET', path: '/history/external-task-log', query: { processInstanceId, sortBy: 'timestamp', sortOrder: 'asc' } });
  }

  /** Timer jobs of a process instance, soonest first. */
  timerJobs(processInstanceId: string): Promise<Job[]> {
    return this.http.send({ method: 'GET', path: '/job', query: { processInstanceId, timers: true, sortBy: 'jobDueDate', sortOrder: 'asc' } });
  }

  /** Executes a job now, as the job executor would when it is due (used by operators and tests). */
  executeJob(jobId: string): Promise<void> {
    return this.http.send({ method: 'POST', path: `/job/${enc(jobId)}/execute` });
  }

  /** Evaluates the latest version of a decision (DMN) and returns its result rows with plain values. */
  async evaluateDecision(key: string, variables: Record<string, VariableValue>): Promise<Array<Record<string, unknown>>> {
    const rows = await this.http.send<EngineVariables[]>({ method: 'POST', path: `/decision-definition/key/${enc(key)}/evaluate`, body: { variables: toEngineVariables(variables) }, read: true });
    return rows.map((row) => fromEngineVariables(row));
  }

  /** Error details of a failed external task (the handler's stack, as recorded by handleFailure). */
  externalTaskErrorDetails(externalTaskId: string): Promise<string> {
    return this.http.send({ method: 'GET', path: `/external-task/${enc(externalTaskId)}/errorDetails`, accept: 'text/plain' });
  }

  // --- designer: drafts and deployments ---

  /** POST /deployment/create of one designer's file, without duplicate filtering: pressing deploy always makes a new version. */
  deployDesignerResource(name: string, source: string, resource: DeploymentResource): Promise<DeploymentResult> {
    const form = new FormData();
    form.set('deployment-name', name);
    form.set('deployment-source', source);
    form.append(resource.name, new Blob([typeof resource.content === 'string' ? resource.content : new Uint8Array(resource.content)]), resource.name);
    return this.http.send({ method: 'POST', path: '/deployment/create', body: form, timeoutMs: 60_000 });
  }

  /** Deployments of one source (e.g. lianqin-designer), newest first. */
  deploymentsOfSource(source: string): Promise<Deployment[]> {
    return this.http.send({ method: 'GET', path: '/deployment', query: { source, sortBy: 'deploymentTime', sortOrder: 'desc' } });
  }

  /** The text of one resource of a deployment by its name; undefined when the deployment has no such resource. */
  async deploymentResourceText(deploymentId: string, resourceName: string): Promise<string | undefined> {
    const rows = await this.http.send<Array<{ id: string; name: string }>>({ method: 'GET', path: `/deployment/${enc(deploymentId)}/resources` });
    const resource = rows.find((r) => r.name === resourceName);
    if (!resource) return undefined;
    // The engine answers with the file's own media type; a JSON one (a form) arrives parsed and is turned back into text.
    const data = await this.http.send<unknown>({ method: 'GET', path: `/deployment/${enc(deploymentId)}/resources/${enc(resource.id)}/data`, accept: '*/*' });
    return typeof data === 'string' ? data : JSON.stringify(data);
  }

  // --- designer: versions, live view and migration ---

  /** Every process definition of every key (all versions), optionally of one key, newest version first. */
  allProcessDefinitions(key?: string): Promise<ProcessDefinition[]> {
    return this.http.send({ method: 'GET', path: '/process-definition', query: { key, sortBy: 'version', sortOrder: 'desc' } });
  }

  /** Every decision definition (all versions), optionally of one key, newest version first. */
  allDecisionDefinitions(key?: string): Promise<DecisionDefinition[]> {
    return this.http.send({ method: 'GET', path: '/decision-definition', query: { key, sortBy: 'version', sortOrder: 'desc' } });
  }

  /** One process definition; NotFound when there is none of that id. */
  processDefinition(id: string): Promise<ProcessDefinition> {
    return this.http.send({ method: 'GET', path: `/process-definition/${enc(id)}` });
  }

  /** One decision definition; NotFound when there is none of that id. */
  decisionDefinition(id: string): Promise<DecisionDefinition> {
    return this.http.send({ method: 'GET', path: `/decision-definition/${enc(id)}` });
  }

  /** DMN XML of one decision definition. */
  async decisionDefinitionXml(id: string): Promise<string> {
    const body = await this.http.send<{ dmnXml: string }>({ method: 'GET', path: `/decision-definition/${enc(id)}/xml`, read: true });
    return body.dmnXml;
  }

  /** One deployment with its name, source and time. */
  deployment(id: string): Promise<Deployment> {
    return this.http.send({ method: 'GET', path: `/deployment/${enc(id)}` });
  }

  /** Running instances and incidents of every process definition that has any. */
  processDefinitionStatistics(): Promise<DefinitionStatistics[]> {
    return this.http.send({ method: 'GET', path: '/process-definition/statistics', query: { incidents: true } });
  }

  /** Running instances and incidents per activity of one process definition. */
  activityStatistics(processDefinitionId: string): Promise<DefinitionStatistics[]> {
    return this.http.send({ method: 'GET', path: `/process-definition/${enc(processDefinitionId)}/statistics`, query: { incidents: true } });
  }

  /** The most recent finished activity runs of a process definition, newest first, for duration statistics. */
  finishedActivities(processDefinitionId: string, maxResults: number): Promise<HistoricActivityDuration[]> {
    return this.http.send({ method: 'GET', path: '/history/activity-instance', query: { processDefinitionId, finished: true, sortBy: 'endTime', sortOrder: 'desc', maxResults } });
  }

  /** Open incidents of a process definition, oldest first. */
  definitionIncidents(processDefinitionId: string): Promise<IncidentDetail[]> {
    return this.http.send({ method: 'GET', path: '/incident', query: { processDefinitionId, sortBy: 'incidentTimestamp', sortOrder: 'asc' } });
  }

  /** One open incident; undefined when it is resolved or never was. */
  async incident(id: string): Promise<IncidentDetail | undefined> {
    const rows = await this.http.send<IncidentDetail[]>({ method: 'GET', path: '/incident', query: { incidentId: id } });
    return rows[0];
  }

  /** Sets the retries of a failed job; the engine resolves its incident when retries are above 0. */
  setJobRetries(jobId: string, retries: number): Promise<void> {
    return this.http.send({ method: 'PUT', path: `/job/${enc(jobId)}/retries`, body: { retries } });
  }

  /** Sets the retries of a failed external task; the engine resolves its incident when retries are above 0. */
  setExternalTaskRetries(externalTaskId: string, retries: number): Promise<void> {
    return this.http.send({ method: 'PUT', path: `/external-task/${enc(externalTaskId)}/retries`, body: { retries } });
  }

  /** Historic process instances by id (running or ended), for their business keys. */
  historicProcessInstances(processInstanceIds: string[]): Promise<HistoricProcessInstance[]> {
    return this.http.send({ method: 'POST', path: '/history/process-instance', body: { processInstanceIds }, read: true });
  }

  /** Running process instances of one definition. */
  definitionInstances(processDefinitionId: string): Promise<ProcessInstance[]> {
    return this.http.send({ method: 'GET', path: '/process-instance', query: { processDefinitionId } });
  }

  /** Those of the given running instances that belong to a definition (e.g. the target of a migration). */
  async instancesOfDefinition(processDefinitionId: string, processInstanceIds: string[]): Promise<string[]> {
    const rows = await this.http.send<ProcessInstance[]>({ method: 'POST', path: '/process-instance', body: { processDefinitionId, processInstanceIds }, read: true });
    return rows.map((row) => row.id);
  }

  /** The activity instance tree of a running process instance. */
  activityInstanceTree(processInstanceId: string): Promise<ActivityInstanceTree> {
    return this.http.send({ method: 'GET', path: `/process-instance/${enc(processInstanceId)}/activity-instances` });
  }

  /** The engine's migration plan between two definitions: activities that match by id and type. */
  generateMigrationPlan(sourceProcessDefinitionId: string, targetProcessDefinitionId: string): Promise<MigrationPlan> {
    return this.http.send({ method: 'POST', path: '/migration/generate', body: { sourceProcessDefinitionId, targetProcessDefinitionId, updateEventTriggers: true }, read: true });
  }

  /** Validates a migration plan's instructions (not yet the instances). */
  validateMigrationPlan(plan: MigrationPlan): Promise<MigrationPlanReport> {
    return this.http.send({ method: 'POST', path: '/migration/validate', body: plan, read: true });
  }

  /** Migrates the instances now, in one transaction. */
  executeMigration(plan: MigrationPlan, processInstanceIds: string[]): Promise<void> {
    return this.http.send({ method: 'POST', path: '/migration/execute', body: { migrationPlan: plan, processInstanceIds }, timeoutMs: 60_000 });
  }

  /** Migrates the instances as a batch the job executor runs in the background. */
  executeMigrationBatch(plan: MigrationPlan, processInstanceIds: string[]): Promise<Batch> {
    return this.http.send({ method: 'POST', path: '/migration/executeAsync', body: { migrationPlan: plan, processInstanceIds } });
  }
}

const enc = encodeURIComponent;
