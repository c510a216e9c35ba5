import { expect } from 'vitest';
import type { Task } from '../../server/src/engine/index.js';
import { CaseFileEntity, type CaseFile } from '../../server/src/modules/cases/index.js';
import { UnitGridEntity } from '../../server/src/modules/grids/index.js';
import type { RunningServer } from '../../server/src/server.js';
import { ApiClient } from '../support/api-client.js';
import { eventually } from '../support/test-env.js';

/** The demo liaison of each department. */
const liaisonOf: Record<string, string> = { sanitation: 'huanwei', 'urban-management': 'chengguan', commerce: 'shichang', 'public-security': 'gongan' };

/** A new report, as the tests describe it. */
export interface Report {
  categoryCode?: string;
  description?: string;
  gridType?: string;
  source?: 'inspector' | 'hotline';
  urgent?: boolean;
  callerName?: string;
  callerPhone?: string;
}

/**
 * Drives cases through the closed loop over the HTTP API, each step by the person whose work it is: the inspector
 * or hotline operator reports, the command centre files, the department's liaison handles, the supervisor approves,
 * the grid's inspector verifies. The engine is only read, to find tasks and check state.
 */
export class CaseFlow {
  private readonly sessions = new Map<string, Promise<ApiClient>>();

  constructor(private readonly server: RunningServer) {}

  /** A signed-in API client of a demo user, reused. */
  as(username: string): Promise<ApiClient> {
    let session = this.sessions.get(username);
    if (!session) {
      session = ApiClient.signedIn(this.server.url, username);
      this.sessions.set(username, session);
    }
    return session;
  }

  /** The centre of a unit grid of that type. */
  async pointIn(gridType: string): Promise<{ lng: number; lat: number; gridCode: string }> {
    const grid = await this.server.dataSource.manager.findOneOrFail(UnitGridEntity, { where: { gridType: gridType as never }, order: { code: 'ASC' } });
    return { lng: (grid.minLng + grid.maxLng) / 2, lat: (grid.minLat + grid.maxLat) / 2, gridCode: grid.code };
  }

  /** Files a report through POST /api/cases: as the inspector wangge, or as the hotline operator rexian for a caller. */
  async report(input: Report = {}): Promise<CaseFile> {
    const point = await this.pointIn(input.gridType ?? 'residential');
    const hotline = input.source === 'hotline';
    const api = await this.as(hotline ? 'rexian' : 'wangge');
    const body = {
      categoryCode: input.categoryCode ?? 'E0102',
      description: input.description ?? '小区东门暴露垃圾',
      lng: point.lng,
      lat: point.lat,
      ...(input.urgent ? { urgent: true } : {}),
      ...(hotline ? { callerName: input.callerName ?? '李先生', callerPhone: input.callerPhone ?? '13800000000' } : {}),
    };
    const { caseNo } = await api.post<{ caseNo: string }>('/api/cases', body);
    return this.server.dataSource.manager.findOneByOrFail(CaseFileEntity, { caseNo });
  }

  /** Waits for the open user tasks of an activity, e.g. one per department. */
  async tasks(processInstanceId: string, taskDefinitionKey: string, count = 1): Promise<Task[]> {
    return eventually(async () => {
      const tasks = await this.server.engine.tasks({ processInstanceId, taskDefinitionKey });
      return tasks.length >= count ? tasks : undefined;
    }, { what: `${count} task(s) ${taskDefinitionKey}` });
  }

  async task(processInstanceId: string, taskDefinitionKey: string): Promise<Task> {
    return (await this.tasks(processInstanceId, taskDefinitionKey))[0]!;
  }

  /** Completes the single open task of an activity, as its person would. */
  async complete(processInstanceId: string, taskDefinitionKey: string, variables: Record<string, unknown> = {}): Promise<Task> {
    const task = await this.task(processInstanceId, taskDefinitionKey);
    await this.completeTask(task, variables);
    return task;
  }

  /**
   * Claims and completes a task through the API. For a department's handling task the outcome picks the action:
   * done → complete, return → 退单, extend → 延期, suspend → 缓办.
   */
  async completeTask(task: Task, variables: Record<string, unknown>): Promise<void> {
    const api = await this.as(await this.personFor(task));
    await api.post(`/api/tasks/${task.id}/claim`);
    if (task.taskDefinitionKey !== 'handle') {
      await api.post(`/api/tasks/${task.id}/complete`, { values: variables });
      return;
    }
    const { handlingOutcome, handlingResult, returnReason, extensionDays } = variables as Record<string, string | number | undefined>;
    if (handlingOutcome === 'return') await api.post(`/api/tasks/${task.id}/return`, { reason: returnReason });
    else if (handlingOutcome === 'extend') await api.post(`/api/tasks/${task.id}/extension`, { days: extensionDays, reason: '需协调相关单位，申请延期' });
    else if (handlingOutcome === 'suspend') await api.post(`/api/tasks/${task.id}/suspend`, { reason: '等待天气好转后施工' });
    else await api.post(`/api/tasks/${task.id}/complete`, { values: { handlingResult } });
  }

  /** The command centre accepts the case. */
  accept(processInstanceId: string, extra: Record<string, unknown> = {}) {
    return this.complete(processInstanceId, 'filing-review', { filingDecision: 'accept', ...extra });
  }

  async ended(processInstanceId: string): Promise<void> {
    await eventually(async () => (await this.server.engine.historicProcessInstance(processInstanceId)).state === 'COMPLETED', { what: 'the process to end' });
  }

  /** The candidate groups of a task. */
  async candidateGroups(taskId: string): Promise<string[]> {
    const links = await this.server.engine.identityLinks(taskId);
    return links.filter((l) => l.type === 'candidate' && l.groupId).map((l) => l.groupId!);
  }

  expectDueAfter(task: Task, earlier: Date): void {
    expect(task.due).not.toBeNull();
    expect(new Date(task.due!).getTime()).toBeGreaterThan(earlier.getTime());
  }

  /** Whose work a task is, by its step and candidates. */
  private async personFor(task: Task): Promise<string> {
    const links = await this.server.engine.identityLinks(task.id);
    const candidateUser = links.find((l) => l.type === 'candidate' && l.userId)?.userId;
    if (candidateUser) return candidateUser;
    const group = links.find((l) => l.type === 'candidate' && l.groupId)?.groupId ?? '';
    const byGroup: Record<string, string> = { 'command-centre': 'zhihui', supervision: 'duban', hotline: 'rexian', ...liaisonOf };
    const person = byGroup[group];
    if (!person) throw new Error(`no demo user works tasks of group ${group}`);
    return person;
  }
}
