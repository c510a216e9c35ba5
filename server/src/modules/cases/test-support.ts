import { ApiClient } from '../../../../test/support/api-client.js';
import { CaseFlow } from '../../../../test/e2e/case-flow.js';
import { eventually } from '../../../../test/support/test-env.js';
import { startTestServer } from '../../../../test/support/test-server.js';
import type { RunningServer } from '../../server.js';
import type { Config } from '../../config/index.js';
import { UnitGridEntity } from '../grids/index.js';
import { CaseFileEntity, type CaseFile } from './case-file.entity.js';
import type { CaseSummary } from './case-views.js';

/** A running server with in-process workers, and signed-in clients per demo user, for the case API tests. */
export class CaseApiHarness {
  private readonly clients = new Map<string, Promise<ApiClient>>();
  readonly flow: CaseFlow;

  private constructor(
    readonly server: RunningServer,
    readonly config: Config,
  ) {
    this.flow = new CaseFlow(server);
  }

  /**
   * Starts the server on port 0 and waits until processes/ is deployed. The short task locks of testConfig() let tasks
   * that a stopping server's last long poll locked (and never received) return to the other servers within seconds.
   */
  static async start(overrides: Record<string, string> = {}): Promise<CaseApiHarness> {
    const server = await startTestServer(overrides);
    return new CaseApiHarness(server, server.config);
  }

  /** Stops the server and its workers. */
  stop(): Promise<void> {
    return this.server.stop();
  }

  /** A client signed in as the demo user, shared by the tests of a file. */
  as(username: string): Promise<ApiClient> {
    let client = this.clients.get(username);
    if (!client) this.clients.set(username, (client = ApiClient.signedIn(this.server.url, username)));
    return client;
  }

  /**
   * The centre of a random unit grid of that type (and inspector), so that tests rarely share a grid.
   * The first grid of each type is left to the end-to-end tests, which always report there.
   */
  async pointIn(gridType = 'residential', inspector?: string): Promise<{ lng: number; lat: number; gridCode: string }> {
    const grids = await this.server.dataSource.manager.find(UnitGridEntity, { where: { gridType: gridType as never, ...(inspector ? { inspector } : {}) }, order: { code: 'ASC' } });
    const grid = grids[1 + Math.floor(Math.random() * (grids.length - 1))] ?? grids[0]!;
    return { lng: (grid.minLng + grid.maxLng) / 2, lat: (grid.minLat + grid.maxLat) / 2, gridCode: grid.code };
  }

  /** Files a report through POST /api/cases as the user and returns the summary (fails unless 201). */
  async report(username: string, body: Record<string, unknown> = {}, gridType = 'residential'): Promise<CaseSummary & { gridCodeAsked: string }> {
    const point = await this.pointIn(gridType);
    const api = await this.as(username);
    const created = await api.post<CaseSummary>('/api/cases', { categoryCode: 'E0102', description: '小区东门暴露垃圾', lng: point.lng, lat: point.lat, ...body });
    return { ...created, gridCodeAsked: point.gridCode };
  }

  /** The case row of a case number, straight from the database. */
  row(caseNo: string): Promise<CaseFile> {
    return this.server.dataSource.manager.findOneByOrFail(CaseFileEntity, { caseNo });
  }

  /** The command centre accepts the case; resolves once it is dispatched and every department has its handle task. */
  async dispatch(caseNo: string, departments = 1): Promise<CaseFile> {
    const { processInstanceId } = await this.row(caseNo);
    await this.flow.accept(processInstanceId);
    await this.flow.tasks(processInstanceId, 'handle', departments);
    return eventually(async () => {
      const row = await this.row(caseNo);
      return row.status === 'dispatched' ? row : undefined;
    }, { what: `case ${caseNo} dispatched` });
  }
}


/** The error body of a failed API call. */
export async function errorOf(response: Response): Promise<{ code: string; message: string; details?: { issues?: Array<{ path: string; message: string }> } }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}
