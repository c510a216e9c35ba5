import type { DataSource } from 'typeorm';
import { inTransaction } from '../../db/index.js';
import { SideEffectEntity } from './side-effect.entity.js';
import type { HandlerContext, TaskInfo } from './topic-handler.js';

/** Builds ctx.once for one task: the effect and its record share a transaction keyed on the task id and step. */
export function onceFor(dataSource: DataSource, task: TaskInfo): HandlerContext['once'] {
  return (step, effect) =>
    inTransaction(dataSource, async (manager) => {
      const effectKey = `${task.id}:${step}`;
      const done = await manager.findOneBy(SideEffectEntity, { effectKey });
      if (done) return (done.result === null ? undefined : JSON.parse(done.result)) as Awaited<ReturnType<typeof effect>>;
      const result = await effect(manager);
      // A concurrent delivery of the same task fails here on the primary key and rolls its effect back.
      await manager.insert(SideEffectEntity, {
        effectKey,
        topic: task.topic,
        businessKey: task.businessKey,
        workerId: task.workerId,
        result: result === undefined ? null : JSON.stringify(result),
        createdAt: new Date(),
      });
      return result;
    });
}
