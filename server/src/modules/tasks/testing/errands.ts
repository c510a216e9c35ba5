import { readFile } from 'node:fs/promises';
import type { TaskSubject } from '../../../contracts/tasks.js';
import type { EngineClient, Task } from '../../../engine/index.js';
import { defineModule, type TaskPresenter } from '../../module.js';

/** The test process beside the tasks specs (fixtures/errand.bpmn): one user task for the candidate group named by `errandGroup`. */
export const errandKey = 'inbox-test-errand';

/** What each errand instance is about, as the fixture module's presenter tells it. */
const errands = new Map<string, TaskSubject>();

const errandPresenter: TaskPresenter = {
  async subjects(_manager, processInstanceIds) {
    return new Map(processInstanceIds.filter((id) => errands.has(id)).map((id) => [id, errands.get(id)!]));
  },
};

/** A module of the tests only, presenting the fixture process as a joint-operation module presents its own. */
export const errandsModule = defineModule({ name: 'errands-under-test', presenters: { [errandKey]: errandPresenter } });

/** Deploys the fixture process (the engine skips it when unchanged). */
export async function deployErrands(engine: EngineClient): Promise<void> {
  const content = await readFile(new URL('../fixtures/errand.bpmn', import.meta.url));
  await engine.deploy(errandKey, [{ name: 'errand.bpmn', content }]);
}

let serial = 0;

/** Starts an errand for a candidate group, about the subject given (a fresh ref by default); returns its one task. */
export async function startErrand(engine: EngineClient, group: string, subject: Partial<TaskSubject> = {}): Promise<{ task: Task; subject: TaskSubject }> {
  const ref = subject.ref ?? `ERR-${Date.now().toString(36)}-${++serial}`;
  const instance = await engine.startProcess(errandKey, { businessKey: ref, variables: { errandGroup: group } });
  const about: TaskSubject = { kind: 'errand', ref, title: '清理联合执法现场', place: '稻香市场东门', streetCode: 'errand-street', gridCode: 'errand-grid', urgent: false, link: `/errands/${ref}`, ...subject };
  errands.set(instance.id, about);
  const [task] = await engine.tasks({ processInstanceId: instance.id });
  return { task: task!, subject: about };
}

/** Deletes the errands this test file started, so that no task without a presenter is left for later files. */
export async function endErrands(engine: EngineClient): Promise<void> {
  for (const instanceId of [...errands.keys()]) {
    await engine.deleteProcessInstance(instanceId).catch(() => undefined);
    errands.delete(instanceId);
  }
}
