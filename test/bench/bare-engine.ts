import { Client, Variables, type Task, type TaskService } from 'camunda-external-task-client-js';
import { EngineClient, toEngineVariable } from '../../server/src/engine/index.js';
import { runPool, until } from './stats.js';

/** No-op outputs that steer the same BPMN down the same path as the Lianqin run. */
const outputs: Record<string, () => Record<string, unknown>> = {
  'case-locate-grid': () => ({ gridType: 'commercial', inspector: 'wangge', gridCode: 'G', streetCode: 'S', streetName: 'S', communityCode: 'C', communityName: 'C' }),
  'case-find-duplicates': () => ({ duplicateCandidates: [] }),
  'case-plan-dispatch': () => ({ departmentList: ['urban-management'], limitAmount: 1, limitUnit: 'wd', urgency: 'normal', returnedCount: 0, manualDepartments: null }),
  'case-compute-due': () => ({ handlingDue: new Date(Date.now() + 86_400_000), reminderAt: new Date(Date.now() + 43_200_000), noticeAt: new Date(Date.now() + 5 * 86_400_000) }),
  'urban-issue-notice': () => ({}),
  'case-record-event': () => ({}),
};
const localOutput = new Set(['case-compute-due']);

/** The ceiling: the same process on the same engine, raw client, no-op handlers, user tasks completed over REST. */
export async function runBare(engineUrl: string, admin: { user: string; password: string }, cases: number, concurrency: number): Promise<{ seconds: number }> {
  const auth = `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}`;
  const client = new Client({
    baseUrl: engineUrl,
    workerId: `bench-bare-${process.pid}`,
    maxTasks: 20,
    maxParallelExecutions: 20,
    asyncResponseTimeout: 1000,
    interval: 10,
    autoPoll: false,
    interceptors: (config) => ({ ...config, headers: { ...config.headers, Authorization: auth } }),
  });
  for (const [topic, output] of Object.entries(outputs)) {
    client.subscribe(topic, async ({ task, taskService }: { task: Task; taskService: TaskService }) => {
      const vars = new Variables();
      for (const [name, value] of Object.entries(output())) vars.setTyped(name, toEngineVariable(value as never) as never);
      await (localOutput.has(topic) ? taskService.complete(task, undefined, vars) : taskService.complete(task, vars));
    });
  }
  client.start();
  const engine = new EngineClient({ baseUrl: engineUrl, ...admin });
  const started = Date.now();
  await runPool(cases, concurrency, async (i) => {
    const instance = await engine.startProcess('case-closed-loop', {
      businessKey: `bare-${started}-${i}`,
      variables: { caseId: 0, caseNo: `B${i}`, categoryCode: 'E0201', description: 'bench', lng: 0, lat: 0, source: 'inspector', reporter: 'wangge', urgent: false, acceptDue: new Date(), verifyDue: null, returnedCount: 0, reworkCount: 0 },
    });
    const step = async (key: string, variables: Record<string, unknown>) => {
      const task = await until(async () => (await engine.tasks({ processInstanceId: instance.id, taskDefinitionKey: key }))[0], key);
      await engine.completeTask(task.id, variables as never);
    };
    await step('filing-review', { filingDecision: 'accept', urgent: false });
    await step('handle', { handlingOutcome: 'done', handlingResult: 'ok' });
    await step('verify', { verified: true, verifyNote: 'ok' });
    await until(async () => ((await engine.historicProcessInstance(instance.id)).state === 'COMPLETED' ? true : undefined), 'end');
  });
  const seconds = (Date.now() - started) / 1000;
  client.stop();
  return { seconds };
}
