import { expect } from 'vitest';
import type { OperationCreated, OperationDetail, OperationPlanInput } from '../../server/src/contracts/joint-operations.js';
import type { Job, Task } from '../../server/src/engine/index.js';
import { UnitGridEntity, type UnitGrid } from '../../server/src/modules/grids/index.js';
import { beijingLocal, JointOperationEntity, type JointOperation } from '../../server/src/modules/joint-operations/index.js';
import { seedShops, ShopEntity, type Shop } from '../../server/src/modules/shops/index.js';
import type { RunningServer } from '../../server/src/server.js';
import { ApiClient } from '../support/api-client.js';
import { eventually, uniqueKey } from '../support/test-env.js';

/** Who works the tasks of each candidate group: the demo accounts. */
const personOf: Record<string, string> = {
  coordination: 'xietiao',
  'command-centre': 'zhihui',
  supervision: 'duban',
  'public-security': 'gongan',
  'urban-management': 'chengguan',
  commerce: 'shichang',
  sanitation: 'huanwei',
};

/** The demo liaison of a department. */
export const liaisonOf = (department: string) => personOf[department]!;

const hourMs = 3_600_000;

/**
 * Drives joint operations over the HTTP API, each step by the person whose work it is: the coordinator plans and
 * revises, the command centre approves, liaisons confirm, record findings and finish their work, the lead department
 * writes the wrap-up. The engine is only read, and its timer jobs executed, as an operator would.
 */
export class OperationFlow {
  private readonly sessions = new Map<string, Promise<ApiClient>>();

  constructor(readonly server: RunningServer) {}

  as(username: string): Promise<ApiClient> {
    let session = this.sessions.get(username);
    if (!session) {
      session = ApiClient.signedIn(this.server.url, username);
      this.sessions.set(username, session);
    }
    return session;
  }

  /** Market grids of the demo district, the first `count` of them. */
  async marketGrids(count = 2, order: 'ASC' | 'DESC' = 'ASC'): Promise<UnitGrid[]> {
    return this.server.dataSource.manager.find(UnitGridEntity, { where: { gridType: 'market' as never }, order: { code: order }, take: count });
  }

  /** A plan starting in two days, with three departments and urban management leading; overrides replace fields. */
  async plan(overrides: Partial<OperationPlanInput> = {}): Promise<OperationPlanInput> {
    const grids = await this.marketGrids();
    const start = new Date(Date.now() + 48 * hourMs);
    return {
      title: `菜场周边占道经营整治 ${uniqueKey('t')}`,
      target: '占道经营',
      targetCategoryCode: 'E0501',
      gridCodes: grids.map((g) => g.code),
      schedule: { startsAt: beijingLocal(start), endsAt: beijingLocal(new Date(start.getTime() + 3 * hourMs)), recurrence: { kind: 'once' } },
      leadDepartment: 'urban-management',
      participants: [
        { departmentCode: 'urban-management', tasks: '清理占道摊点，暂扣经营工具' },
        { departmentCode: 'commerce', tasks: '核查经营执照，登记商户违法' },
        { departmentCode: 'public-security', tasks: '维护现场秩序，核查身份' },
      ],
      confirmBy: beijingLocal(new Date(start.getTime() - 24 * hourMs)),
      briefing: { at: beijingLocal(new Date(start.getTime() - hourMs)), place: '城管中队二楼会议室' },
      majorEvent: false,
      ...overrides,
    };
  }

  /** The coordinator plans an operation; its ref and its process instance. */
  async create(plan: OperationPlanInput): Promise<{ ref: string; processInstanceId: string }> {
    const created = await (await this.as('xietiao')).post<OperationCreated>('/api/operations', plan);
    expect(created.kind).toBe('operation');
    const op = await this.row(created.ref);
    return { ref: created.ref, processInstanceId: op.processInstanceId! };
  }

  row(ref: string): Promise<JointOperation> {
    return this.server.dataSource.manager.findOneByOrFail(JointOperationEntity, { ref });
  }

  detail(ref: string, as = 'xietiao'): Promise<OperationDetail> {
    return this.as(as).then((api) => api.get<OperationDetail>(`/api/operations/${ref}`));
  }

  /** Waits until the operation reaches a status (the workers run its automated steps). */
  async status(ref: string, status: JointOperation['status']): Promise<void> {
    await eventually(async () => (await this.row(ref)).status === status, { what: `operation ${ref} to be ${status}` });
  }

  /** Waits for the open user tasks of an activity, e.g. one per department. */
  async tasks(processInstanceId: string, taskDefinitionKey: string, count = 1): Promise<Task[]> {
    return eventually(async () => {
      const tasks = await this.server.engine.tasks({ processInstanceId, taskDefinitionKey });
      return tasks.length >= count ? tasks : undefined;
    }, { what: `${count} task(s) ${taskDefinitionKey}` });
  }

  /** The open task of an activity for one candidate group (a department), waiting for it. */
  async taskOf(processInstanceId: string, taskDefinitionKey: string, group: string): Promise<Task> {
    return eventually(async () => {
      for (const task of await this.server.engine.tasks({ processInstanceId, taskDefinitionKey })) {
        if ((await this.candidateGroups(task.id)).includes(group)) return task;
      }
      return undefined;
    }, { what: `task ${taskDefinitionKey} of ${group}` });
  }

  async candidateGroups(taskId: string): Promise<string[]> {
    const links = await this.server.engine.identityLinks(taskId);
    return links.filter((l) => l.type === 'candidate' && l.groupId).map((l) => l.groupId!);
  }

  /** Claims and completes a task through the inbox API, as the demo user of its first candidate group (or `as`). */
  async completeTask(task: Task, values: Record<string, unknown>, as?: string): Promise<void> {
    const username = as ?? personOf[(await this.candidateGroups(task.id))[0]!]!;
    const api = await this.as(username);
    await api.post(`/api/tasks/${task.id}/claim`);
    await api.post(`/api/tasks/${task.id}/complete`, { values });
  }

  /** Completes the open task of an activity (for a group when given). */
  async complete(processInstanceId: string, taskDefinitionKey: string, values: Record<string, unknown>, group?: string): Promise<Task> {
    const task = group ? await this.taskOf(processInstanceId, taskDefinitionKey, group) : (await this.tasks(processInstanceId, taskDefinitionKey))[0]!;
    await this.completeTask(task, values, group ? personOf[group] : undefined);
    return task;
  }

  approve(processInstanceId: string) {
    return this.complete(processInstanceId, 'approve-plan', { approved: true, approvalComment: '同意，注意安全' }, 'command-centre');
  }

  /** Every participant confirms its people and vehicles. */
  async confirmAll(processInstanceId: string, departments: readonly string[]): Promise<void> {
    for (const department of departments) await this.complete(processInstanceId, 'confirm-resources', { people: 6, vehicles: 2, confirmNote: '带队人已确定' }, department);
  }

  /** The timer job due at an instant (the engine's own timers, run now as its job executor would run them when due). */
  async timerAt(processInstanceId: string, at: Date): Promise<Job> {
    return eventually(async () => (await this.server.engine.timerJobs(processInstanceId)).find((j) => j.dueDate !== null && new Date(j.dueDate).getTime() === at.getTime()), { what: `a timer due at ${at.toISOString()}` });
  }

  async fireTimerAt(processInstanceId: string, at: Date): Promise<void> {
    await this.server.engine.executeJob((await this.timerAt(processInstanceId, at)).id);
  }

  /** Approves, confirms every department, announces the briefing and starts execution by running the start timer. */
  async untilExecuting(ref: string, processInstanceId: string, departments: readonly string[]): Promise<JointOperation> {
    await this.approve(processInstanceId);
    await this.confirmAll(processInstanceId, departments);
    await this.status(ref, 'briefing');
    const op = await this.row(ref);
    await this.fireTimerAt(processInstanceId, op.startsAt);
    await this.status(ref, 'executing');
    await this.tasks(processInstanceId, 'execute', departments.length);
    return this.row(ref);
  }

  /** A shop of the test's own in a grid, created with the shops module's seed helper. */
  async shopIn(gridCode: string): Promise<Shop> {
    const name = uniqueKey('联执测试商户');
    await seedShops(this.server.dataSource.manager, [{ name, businessScope: '水果零售', responsiblePerson: '测试店主', phone: '13900000000', licence: 'valid', licenceSerial: Math.floor(Math.random() * 1e7), duties: 'retail', gridCode, at: [0.3, 0.3], address: `测试街 ${name}` }]);
    return this.server.dataSource.manager.findOneByOrFail(ShopEntity, { name });
  }

  /** The centre of a unit grid. */
  async centreOf(gridCode: string): Promise<{ lng: number; lat: number }> {
    const g = await this.server.dataSource.manager.findOneByOrFail(UnitGridEntity, { code: gridCode });
    return { lng: (g.minLng + g.maxLng) / 2, lat: (g.minLat + g.maxLat) / 2 };
  }

  async ended(processInstanceId: string): Promise<void> {
    await eventually(async () => (await this.server.engine.historicProcessInstance(processInstanceId)).state === 'COMPLETED', { what: 'the process to end' });
  }
}
