import { In, type EntityManager } from 'typeorm';
import type { TaskSubject } from '../../contracts/tasks.js';
import { UnitGridEntity } from '../grids/index.js';
import type { TaskPresenter } from '../module.js';
import { PatrolPlanEntity } from './patrol-plan.entity.js';
import { PatrolRunEntity } from './patrol-run.entity.js';
import { gridNamesOf, routeOf, windowText } from './patrol-views.js';

/** How a patrol run's tasks (each member's 巡查, the coordinator's review) show in the inbox: the run, its window and route. */
export const patrolRunPresenter: TaskPresenter = {
  async subjects(manager: EntityManager, processInstanceIds: readonly string[]): Promise<Map<string, TaskSubject>> {
    const subjects = new Map<string, TaskSubject>();
    if (!processInstanceIds.length) return subjects;
    const runs = await manager.findBy(PatrolRunEntity, { processInstanceId: In([...processInstanceIds]) });
    if (!runs.length) return subjects;
    const plans = await manager.findBy(PatrolPlanEntity, { id: In([...new Set(runs.map((r) => r.planId))]) });
    const firstGrids = plans.map((p) => routeOf(p)[0]!).filter(Boolean);
    const [names, grids] = await Promise.all([gridNamesOf(manager, firstGrids), manager.findBy(UnitGridEntity, { code: In(firstGrids) })]);
    for (const run of runs) {
      const plan = plans.find((p) => p.id === run.planId);
      if (!plan) continue;
      const route = routeOf(plan);
      const first = route[0] ?? null;
      const firstName = first ? (names.get(first) ?? first) : null;
      subjects.set(run.processInstanceId!, {
        kind: 'patrol-run',
        ref: run.ref,
        title: `联合巡查：${plan.title}（${windowText(run)}）`,
        place: firstName && route.length > 1 ? `${firstName}等 ${route.length} 个网格` : firstName,
        streetCode: grids.find((g) => g.code === first)?.streetCode ?? null,
        gridCode: first,
        urgent: false,
        link: `/patrols/runs/${run.ref}`,
      });
    }
    return subjects;
  },
};
