import type { Logger } from 'pino';
import { Like, type DataSource } from 'typeorm';
import type { OperationPlanInput } from '../../server/src/contracts/joint-operations.js';
import type { Task } from '../../server/src/engine/index.js';
import { ConflictError, EngineConflictError, EngineNotFoundError, NotFoundError } from '../../server/src/errors/index.js';
import { toCurrentUser, type CurrentUser } from '../../server/src/modules/auth/index.js';
import { beijingDay } from '../../server/src/modules/calendar/index.js';
import { UnitGridEntity } from '../../server/src/modules/grids/index.js';
import { beijingLocal, beijingWeekday, createOperation, JointOperationEntity, OperationSeriesEntity, parseBeijingTime, type OperationDeps } from '../../server/src/modules/joint-operations/index.js';
import { claimTask, completeTask, type TaskDeps } from '../../server/src/modules/tasks/index.js';
import { UserEntity } from '../../server/src/modules/users/index.js';

/** The title of the demo's recurring operation; the series is planned when no series of that title exists. */
export const demoSeriesTitle = '柳塘农贸市场占道经营周五常态化联合整治';

const minute = 60_000;
const dayMs = 24 * 60 * minute;
/** Servers starting at once take turns planning and approving under this database lock. */
const lockName = 'lianqin:demo-series';

/**
 * Plans, once, the demo's recurring operation through the operations service, as the coordinator would: every Friday
 * 08:30–11:30 for twelve weeks around 柳塘农贸市场, with urban management leading commerce and public security. Its
 * joint-enforcement-series process then runs in the engine. Start-ups of several servers at once plan it once: the
 * check and the plan happen under a database lock. Needs processes/ deployed and the demo accounts seeded.
 */
export async function seedDemoSeries(deps: OperationDeps, now = new Date()): Promise<{ seriesRef: string; created: boolean } | undefined> {
  return withDatabaseLock(deps.dataSource, lockName, async () => {
    const existing = await demoSeries(deps.dataSource);
    if (existing) return { seriesRef: existing.ref, created: false };
    const coordinator = await deps.dataSource.manager.findOneBy(UserEntity, { username: 'xietiao', active: true });
    const grids = await deps.dataSource.manager.find(UnitGridEntity, { where: { gridType: 'market' as never }, order: { code: 'ASC' } });
    if (!coordinator || grids.length === 0) return undefined;
    const created = await createOperation(deps, toCurrentUser(coordinator), demoSeriesPlan(grids.map((g) => g.code), now));
    return { seriesRef: created.ref, created: true };
  });
}

/** The demo series, found by the title in its plan. */
export function demoSeries(dataSource: DataSource) {
  return dataSource.manager.findOne(OperationSeriesEntity, { where: { plan: Like(`%"title":"${demoSeriesTitle}"%`) }, order: { id: 'ASC' } });
}

/** Every Friday 08:30–11:30 from the first Friday whose Thursday 17:00 confirmation deadline is still ahead. */
export function demoSeriesPlan(gridCodes: string[], now: Date): OperationPlanInput {
  let start = parseBeijingTime(`${beijingDay(now)}T08:30`)!;
  while (beijingWeekday(start) !== 5 || start.getTime() - 15.5 * 60 * minute <= now.getTime() + 60 * minute) start = new Date(start.getTime() + dayMs);
  const at = (offsetMinutes: number) => beijingLocal(new Date(start.getTime() + offsetMinutes * minute));
  return {
    title: demoSeriesTitle,
    target: '占道经营',
    targetCategoryCode: 'E0501',
    gridCodes,
    schedule: { startsAt: at(0), endsAt: at(180), recurrence: { kind: 'weekly', weekdays: [5], until: beijingDay(new Date(start.getTime() + 11 * 7 * dayMs)) } },
    leadDepartment: 'urban-management',
    participants: [
      { departmentCode: 'urban-management', tasks: '清理市场周边占道摊点，依法暂扣经营工具，责令店外经营商户改正' },
      { departmentCode: 'commerce', tasks: '核查经营执照，劝离无照游商，登记商户违法并查询首违记录' },
      { departmentCode: 'public-security', tasks: '维护现场秩序和交通，核查身份，保障执法人员安全' },
    ],
    confirmBy: at(-15 * 60 - 30),
    briefing: { at: at(-30), place: '柳塘农贸市场管理办公室' },
    majorEvent: false,
  };
}

/** What approving the first occurrence needs: the inbox's task service, the engine and a way to stop waiting. */
export interface DemoApprovalDeps extends TaskDeps {
  /** True once the server stops: waiting ends. */
  cancelled(): boolean;
}

/**
 * Approves the first operation of the demo series as the command centre (王敏) through the inbox's task service, once
 * the engine has created it; waits up to `timeoutMs` for it. An operation already past approval, or a task another
 * server took first, is left alone. Returns whether this call approved it.
 */
export async function approveDemoSeriesStart(deps: DemoApprovalDeps, { timeoutMs = 60_000, intervalMs = 1000 } = {}): Promise<boolean> {
  const approver = await deps.dataSource.manager.findOneBy(UserEntity, { username: 'zhihui', active: true });
  const series = await demoSeries(deps.dataSource);
  if (!approver || !series) return false;
  const user = toCurrentUser(approver);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !deps.cancelled()) {
    const first = await deps.dataSource.manager.findOne(JointOperationEntity, { where: { seriesId: series.id }, order: { startsAt: 'ASC' } });
    if (first && first.status !== 'pending-approval') return false;
    const approval = () => (first?.processInstanceId ? deps.engine.tasks({ processInstanceId: first.processInstanceId, taskDefinitionKey: 'approve-plan' }) : Promise.resolve([] as Task[]));
    if ((await approval()).length) {
      // Servers starting at once take turns; the later one finds the task gone.
      return withDatabaseLock(deps.dataSource, lockName, async () => {
        const [task] = await approval();
        return task ? approve(deps, user, task) : false;
      });
    }
    await sleep(intervalMs);
  }
  return false;
}

async function approve(deps: TaskDeps, user: CurrentUser, task: Task): Promise<boolean> {
  try {
    if (task.assignee !== user.username) await claimTask(deps, user, task.id);
    await completeTask(deps, user, task.id, { approved: true, approvalComment: '同意，按每周五常态化整治执行' });
    return true;
  } catch (error) {
    // Another server approved it first, or someone claimed it in the inbox.
    if ([ConflictError, NotFoundError, EngineConflictError, EngineNotFoundError].some((kind) => error instanceof kind)) return false;
    throw error;
  }
}

/**
 * Runs fn holding a named lock of the database, so that servers starting at once take turns. MariaDB's GET_LOCK is
 * held by one connection; the embedded database has one process, which needs none.
 */
async function withDatabaseLock<T>(dataSource: DataSource, name: string, fn: () => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'mysql') return fn();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [row] = (await runner.query('SELECT GET_LOCK(?, 60) AS locked', [name])) as Array<{ locked: number | string | null }>;
    if (Number(row?.locked) !== 1) throw new Error(`could not take the database lock ${name} within 60 s`);
    try {
      return await fn();
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [name]);
    }
  } finally {
    await runner.release();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A background start-up step that stop() cancels and waits for. */
export interface BackgroundStep {
  stop(): Promise<void>;
}

/**
 * With demo data on, once processes/ is deployed: plans the demo series (once across servers and restarts) and then
 * approves its first operation when the engine has created it. Failures are logged; the next start tries again.
 */
export function demoSeriesStep(operations: OperationDeps, tasks: TaskDeps, logger: Logger): { run(): void } & BackgroundStep {
  let cancelled = false;
  let running: Promise<void> | undefined;
  return {
    run() {
      running ??= (async () => {
        const seeded = await seedDemoSeries(operations);
        if (seeded?.created) logger.info({ series: seeded.seriesRef }, 'demo recurring operation planned');
        if (seeded && (await approveDemoSeriesStart({ ...tasks, cancelled: () => cancelled }))) logger.info({ series: seeded.seriesRef }, 'first demo recurring operation approved');
      })().catch((error: unknown) => {
        if (!cancelled) logger.warn({ err: error }, 'planning the demo recurring operation failed; the next start tries again');
      });
    },
    async stop() {
      cancelled = true;
      await running;
    },
  };
}
