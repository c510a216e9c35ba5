import { expect } from 'vitest';
import type { Task } from '../../server/src/engine/index.js';
import { createCase, type CaseDeps, type CreateCaseInput } from '../../server/src/modules/cases/index.js';
import { UnitGridEntity } from '../../server/src/modules/grids/index.js';
import type { RunningServer } from '../../server/src/server.js';
import { workerDeps } from '../../server/src/workers/registry.js';
import type { Config } from '../../server/src/config/index.js';
import { eventually } from '../support/test-env.js';

/** Drives cases through the closed loop on a running server, as the people in each role would. */
export class CaseFlow {
  private readonly deps: CaseDeps;

  constructor(private readonly server: RunningServer, config: Config) {
    const { gridLocator } = workerDeps(config, server.dataSource);
    this.deps = { dataSource: server.dataSource, engine: server.engine, workingHours: config.WORKING_HOURS, gridLocator };
  }

  /** The centre of a unit grid of that type. */
  async pointIn(gridType: string): Promise<{ lng: number; lat: number; gridCode: string }> {
    const grid = await this.server.dataSource.manager.findOneOrFail(UnitGridEntity, { where: { gridType: gridType as never }, order: { code: 'ASC' } });
    return { lng: (grid.minLng + grid.maxLng) / 2, lat: (grid.minLat + grid.maxLat) / 2, gridCode: grid.code };
  }

  /** Files a report as the inspector wangge (or a hotline operator for source hotline). */
  async report(input: Partial<CreateCaseInput> & { gridType?: string }) {
    const point = await this.pointIn(input.gridType ?? 'residential');
    const { gridType: _ignored, ...rest } = input;
    return createCase(this.deps, { categoryCode: 'E0102', description: '小区东门暴露垃圾', source: 'inspector', lng: point.lng, lat: point.lat, ...rest }, input.source === 'hotline' ? 'rexian' : 'wangge');
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

  /** Completes the single open task of an activity. */
  async complete(processInstanceId: string, taskDefinitionKey: string, variables: Record<string, never> | Record<string, unknown> = {}): Promise<Task> {
    const task = await this.task(processInstanceId, taskDefinitionKey);
    await this.server.engine.completeTask(task.id, variables as never);
    return task;
  }

  /** The command centre accepts the case. */
  accept(processInstanceId: string, extra: Record<string, unknown> = {}) {
    return this.complete(processInstanceId, 'filing-review', { filingDecision: 'accept', urgent: false, ...extra });
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
}
