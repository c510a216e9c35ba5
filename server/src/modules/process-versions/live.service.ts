import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { LiveActivity, LiveIncident, LiveView, RetryResult } from '../../contracts/process-versions.js';
import type { EngineClient, IncidentDetail } from '../../engine/index.js';
import { NotFoundError } from '../../errors/index.js';
import { auditedEngineCall } from '../audit/index.js';
import type { CurrentUser } from '../auth/index.js';
import { IncidentNotRetryableError, NotAProcessError } from './errors.js';
import { findDefinition } from './versions.service.js';

/** How many of the most recent finished activity runs the duration heat map is computed from. */
export const historyWindow = 2000;

/** The incident types that setting retries clears. */
const retryTargets: Record<string, RetryResult['target']['kind']> = { failedJob: 'job', failedExternalTask: 'external-task' };

/** What the live view and retry need. */
export interface LiveDeps {
  engine: EngineClient;
  dataSource: DataSource;
  logger?: Logger;
}

/**
 * The live view of one process version: per activity the instances there now, open incidents, finished runs and their
 * median duration (from the last `historyWindow` finished runs), and the open incidents with their messages.
 */
export async function liveView(engine: EngineClient, definitionId: string): Promise<LiveView> {
  const { kind } = await findDefinition(engine, definitionId);
  if (kind !== 'bpmn') throw new NotAProcessError('决策表没有运行中的实例，实时视图只适用于 BPMN 流程', { id: definitionId });
  const [statistics, finished, incidents] = await Promise.all([
    engine.activityStatistics(definitionId),
    engine.finishedActivities(definitionId, historyWindow),
    engine.definitionIncidents(definitionId),
  ]);
  const activities = new Map<string, LiveActivity & { durations: number[] }>();
  const at = (activityId: string) => {
    let activity = activities.get(activityId);
    if (!activity) activities.set(activityId, (activity = { activityId, instances: 0, incidents: 0, finished: 0, durations: [] }));
    return activity;
  };
  for (const row of statistics) at(row.id).instances = row.instances;
  for (const incident of incidents) at(incident.activityId).incidents++;
  for (const run of finished) {
    const activity = at(run.activityId);
    activity.finished++;
    if (run.durationInMillis !== null) activity.durations.push(run.durationInMillis);
  }
  return {
    activities: [...activities.values()].map(({ durations, ...activity }) => ({ ...activity, ...(durations.length > 0 ? { medianDurationMs: median(durations) } : {}) })),
    incidents: await describeIncidents(engine, incidents),
    historyWindow,
  };
}

/**
 * Sets the retries of the failed job or external task behind an open incident, which resolves it; audited as
 * designer.incident.retry with the incident's activity, instance and message.
 */
export async function retryIncident(deps: LiveDeps, user: CurrentUser, incidentId: string, retries: number): Promise<RetryResult> {
  const incident = await deps.engine.incident(incidentId);
  if (!incident) throw new NotFoundError(`没有未解决的事件 ${incidentId}（可能已经重试或解决）`, { resource: 'incident', id: incidentId });
  const kind = retryTargets[incident.incidentType];
  if (!kind || !incident.configuration) {
    throw new IncidentNotRetryableError(`事件类型 ${incident.incidentType} 不能通过设置重试次数解决`, { incidentId, incidentType: incident.incidentType });
  }
  const target = { kind, id: incident.configuration };
  const entry = {
    actor: user.username,
    action: 'designer.incident.retry',
    targetType: 'incident',
    targetId: incident.id,
    before: { incidentType: incident.incidentType, activityId: incident.activityId, processInstanceId: incident.processInstanceId, processDefinitionId: incident.processDefinitionId, message: incident.incidentMessage },
    after: { target, retries },
    evidence: 'incident-retried',
  };
  await auditedEngineCall(deps, entry, () => (kind === 'job' ? deps.engine.setJobRetries(target.id, retries) : deps.engine.setExternalTaskRetries(target.id, retries)));
  return { incidentId: incident.id, target, retries };
}

async function describeIncidents(engine: EngineClient, incidents: IncidentDetail[]): Promise<LiveIncident[]> {
  const instanceIds = [...new Set(incidents.map((incident) => incident.processInstanceId))];
  const businessKeys = new Map<string, string>();
  if (instanceIds.length > 0) {
    const instances = await engine.historicProcessInstances(instanceIds);
    for (const instance of instances) if (instance.businessKey) businessKeys.set(instance.id, instance.businessKey);
  }
  return incidents.map((incident) => {
    const businessKey = businessKeys.get(incident.processInstanceId);
    return {
      id: incident.id,
      activityId: incident.activityId,
      incidentType: incident.incidentType,
      message: incident.incidentMessage ?? '',
      processInstanceId: incident.processInstanceId,
      ...(businessKey ? { businessKey } : {}),
      time: new Date(incident.incidentTimestamp).toISOString(),
      retryable: incident.incidentType in retryTargets && Boolean(incident.configuration),
    };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}
