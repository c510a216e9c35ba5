import { afterAll, beforeAll, it } from 'vitest';
import { CaseApiHarness } from './test-support.js';

let h: CaseApiHarness;
beforeAll(async () => { h = await CaseApiHarness.start(); });
afterAll(async () => { await h?.stop(); });

it('dumps', async () => {
  const { caseNo } = await h.report('wangge', { categoryCode: 'E0401', description: '路面塌陷约两平方米', urgent: true }, 'main-road');
  const row = await h.dispatch(caseNo, 2);
  const pid = row.processInstanceId;
  const acts = await h.server.engine.activityHistory(pid);
  console.log(JSON.stringify(acts.map((a) => [a.id, a.activityId, a.parentActivityInstanceId, (a as any).executionId])));
  const vars = await h.server.engine.historicVariableInstances(pid, 'departmentCode');
  console.log(JSON.stringify(vars));
  const vars2 = await h.server.engine.historicVariableInstances(pid, 'department');
  console.log(JSON.stringify(vars2));
  const tasks = await h.server.engine.historicTasks(pid);
  console.log(JSON.stringify(tasks.map((t) => [t.taskDefinitionKey, t.activityInstanceId, (t as any).executionId])));
});
