import { UnitGridEntity } from '../../server/src/modules/grids/index.js';
import { CaseFileEntity } from '../../server/src/modules/cases/index.js';
import type { RunningServer } from '../../server/src/server.js';
import { ApiClient } from '../support/api-client.js';
import { LiveInbox, type InboxItem } from './live-inbox.js';
import { runPool, until } from './stats.js';

/** How the people wait for their next task: following the task stream as the web app does, or polling GET /api/tasks. */
export type InboxMode = 'stream' | 'poll';

/** Lianqin end to end: report, filing, dispatch, handling and verification, all through the HTTP API. */
export async function runLianqin(server: RunningServer, cases: number, concurrency: number, mode: InboxMode = 'stream') {
  const grid = await server.dataSource.manager.findOneOrFail(UnitGridEntity, { where: { gridType: 'commercial', inspector: 'wangge' }, order: { code: 'ASC' } });
  const point = { lng: (grid.minLng + grid.maxLng) / 2, lat: (grid.minLat + grid.maxLat) / 2 };
  const [inspector, centre, liaison] = await Promise.all(['wangge', 'zhihui', 'chengguan'].map((u) => ApiClient.signedIn(server.url, u)));
  const closeStreams = new AbortController();
  const live = new Map<ApiClient, LiveInbox>();
  if (mode === 'stream') {
    for (const api of [inspector!, centre!, liaison!]) live.set(api, new LiveInbox(api));
    await Promise.all([...live.values()].map((inbox) => inbox.open(closeStreams.signal)));
  }
  const inboxTask = (api: ApiClient, caseNo: string, step: string) =>
    live.get(api)?.task(caseNo, step) ??
    until(async () => ((await api.get<{ items: InboxItem[] }>('/api/tasks')).items).find((t) => t.case?.caseNo === caseNo && t.taskDefinitionKey === step), `${step} of ${caseNo}`);
  const work = async (api: ApiClient, caseNo: string, step: string, values: Record<string, unknown>) => {
    const task = await inboxTask(api, caseNo, step);
    await api.post(`/api/tasks/${task.id}/claim`);
    await api.post(`/api/tasks/${task.id}/complete`, { values });
  };
  const dispatchMs: number[] = [];
  const reportToInboxMs: number[] = [];
  const started = Date.now();
  await runPool(cases, concurrency, async (i) => {
    const reported = Date.now();
    const created = await inspector!.post<{ caseNo: string }>('/api/cases', { categoryCode: 'E0201', description: `商业街电线杆小广告（压测 ${i}）`, lng: point.lng, lat: point.lat });
    await work(centre!, created.caseNo, 'filing-review', { filingDecision: 'accept' });
    const accepted = Date.now();
    const handle = await inboxTask(liaison!, created.caseNo, 'handle');
    dispatchMs.push(Date.now() - accepted);
    reportToInboxMs.push(Date.now() - reported);
    await liaison!.post(`/api/tasks/${handle.id}/claim`);
    await liaison!.post(`/api/tasks/${handle.id}/complete`, { values: { handlingResult: '已清除小广告' } });
    await work(inspector!, created.caseNo, 'verify', { verified: true, verifyNote: '现场已清理' });
    await until(async () => ((await server.dataSource.manager.findOneBy(CaseFileEntity, { caseNo: created.caseNo }))?.status === 'closed' ? true : undefined), `close of ${created.caseNo}`);
  });
  const seconds = (Date.now() - started) / 1000;
  closeStreams.abort();
  return { seconds, dispatchMs, reportToInboxMs };
}
