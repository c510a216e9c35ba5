import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../db/seed/demo-data.js';
import { ApiClient } from '../../test/support/api-client.js';
import { startTestServer } from '../../test/support/test-server.js';
import type { Role } from './contracts/auth.js';
import { listRoutes } from './http/list-routes.js';
import type { RunningServer } from './server.js';

/** Who passes a route's authorization: anyone, anyone signed in, or the holders of these roles. */
type Access = 'public' | 'signed-in' | readonly Role[];

/** One route of the matrix and a request that exercises it. */
interface Entry {
  access: Access;
  /** The concrete path to call; the route's own path when it has no parameters. */
  sample?: string;
  /** The JSON body, or a function making a fresh one for each call. */
  body?: unknown;
  /** Call with a session of its own, because the call ends or replaces it. */
  ownSession?: boolean;
  /** A server-sent event stream: read the status and headers, then close it. */
  stream?: boolean;
}

const reporters: Role[] = ['inspector', 'hotline-operator', 'command-centre', 'coordinator'];
const caseReaders: Role[] = ['command-centre', 'supervisor', 'admin', 'liaison', 'inspector', 'hotline-operator'];
const shopReaders: Role[] = ['command-centre', 'supervisor', 'admin', 'coordinator', 'liaison'];
const operationReaders: Role[] = ['coordinator', 'command-centre', 'supervisor', 'admin', 'liaison'];
const noOperation = '/api/operations/JO-2000-0000';
const noCase = '/api/cases/00000000';
const noTask = '/api/tasks/no-such-task';
const noUser = '/api/users/999999999';
let serial = 0;

/** Every route under /api, who may call it, and a sample request that has no lasting effect on the others. */
const matrix: Record<string, Entry> = {
  'GET /api/health': { access: 'public' },
  'POST /api/auth/login': { access: 'public', ownSession: true, body: { username: 'wangge', password: demoPassword } },
  'POST /api/auth/logout': { access: 'signed-in', ownSession: true },
  'GET /api/auth/me': { access: 'signed-in' },
  'POST /api/auth/password': { access: 'signed-in', body: { currentPassword: 'not-the-password', newPassword: 'Matrix2026pass' } },
  'POST /api/cases': { access: reporters, body: {} },
  'GET /api/cases': { access: caseReaders },
  'GET /api/cases/:caseNo': { access: caseReaders, sample: noCase },
  'POST /api/cases/:caseNo/comments': { access: caseReaders, sample: `${noCase}/comments`, body: { body: '矩阵测试' } },
  'POST /api/cases/:caseNo/photos': { access: caseReaders, sample: `${noCase}/photos` },
  'GET /api/cases/:caseNo/photos/:id': { access: caseReaders, sample: `${noCase}/photos/1` },
  'GET /api/tasks': { access: 'signed-in' },
  'GET /api/tasks/stream': { access: 'signed-in', stream: true },
  'GET /api/tasks/:taskId': { access: 'signed-in', sample: noTask },
  'GET /api/tasks/:taskId/diagram': { access: 'signed-in', sample: `${noTask}/diagram` },
  'POST /api/tasks/:taskId/claim': { access: 'signed-in', sample: `${noTask}/claim` },
  'POST /api/tasks/:taskId/unclaim': { access: 'signed-in', sample: `${noTask}/unclaim` },
  'POST /api/tasks/:taskId/complete': { access: 'signed-in', sample: `${noTask}/complete`, body: { values: {} } },
  'POST /api/tasks/:taskId/return': { access: 'signed-in', sample: `${noTask}/return`, body: { reason: '不属于本部门' } },
  'POST /api/tasks/:taskId/extension': { access: 'signed-in', sample: `${noTask}/extension`, body: { days: 1, reason: '等待材料补齐' } },
  'POST /api/tasks/:taskId/suspend': { access: 'signed-in', sample: `${noTask}/suspend`, body: { reason: '等待法院裁定' } },
  'GET /api/reference': { access: 'signed-in' },
  'GET /api/settings/client': { access: 'signed-in' },
  'GET /api/geo/district': { access: 'signed-in' },
  'GET /api/users': { access: ['admin'] },
  'POST /api/users': {
    access: ['admin'],
    body: () => ({ username: `matrix${Date.now().toString(36)}${(serial++).toString(36)}`, displayName: '矩阵测试', departmentCode: null, roles: ['inspector'], password: 'Matrix2026pass' }),
  },
  'PATCH /api/users/:id': { access: ['admin'], sample: noUser, body: { displayName: '矩阵测试' } },
  'POST /api/users/:id/password': { access: ['admin'], sample: `${noUser}/password`, body: { password: 'Matrix2026pass' } },
  'GET /api/audit': { access: ['admin', 'supervisor'] },
  // joint enforcement (联合执法): coordinators plan and revise, participating liaisons record findings, readers watch
  'POST /api/operations': { access: ['coordinator'], body: {} },
  'GET /api/operations': { access: operationReaders },
  'GET /api/operations/stream': { access: operationReaders, stream: true },
  'GET /api/operations/:ref': { access: operationReaders, sample: noOperation },
  'PUT /api/operations/:ref': { access: ['coordinator'], sample: noOperation, body: {} },
  'GET /api/operations/:ref/report': { access: operationReaders, sample: `${noOperation}/report` },
  'POST /api/operations/:ref/findings': { access: ['liaison'], sample: `${noOperation}/findings`, body: {} },
  'POST /api/operations/:ref/findings/:id/photos': { access: ['liaison'], sample: `${noOperation}/findings/1/photos` },
  'GET /api/operations/:ref/findings/:id/photos/:photoId': { access: operationReaders, sample: `${noOperation}/findings/1/photos/1` },
  // joint patrols (联合巡查): coordinators plan and review; a run's members check in, record findings and finish
  'POST /api/patrols': { access: ['coordinator'], body: {} },
  'GET /api/patrols': { access: 'signed-in' },
  'GET /api/patrols/:ref': { access: 'signed-in', sample: '/api/patrols/XC-0000-0000' },
  'GET /api/patrol-runs/:ref': { access: 'signed-in', sample: '/api/patrol-runs/XC-0000-0000-01' },
  'POST /api/patrol-runs/:ref/check-ins': { access: 'signed-in', sample: '/api/patrol-runs/XC-0000-0000-01/check-ins', body: { gridCode: 'QH-01-01-0001', lng: 120.1, lat: 30.2 } },
  'POST /api/patrol-runs/:ref/findings': { access: 'signed-in', sample: '/api/patrol-runs/XC-0000-0000-01/findings', body: { description: '矩阵测试', lng: 120.1, lat: 30.2, categoryCode: 'E0102' } },
  'POST /api/patrol-runs/:ref/finish': { access: 'signed-in', sample: '/api/patrol-runs/XC-0000-0000-01/finish', body: {} },
  'POST /api/patrol-runs/:ref/review': { access: ['coordinator'], sample: '/api/patrol-runs/XC-0000-0000-01/review', body: { comment: '矩阵测试' } },
  'GET /api/shops': { access: shopReaders },
  'GET /api/shops/:id': { access: shopReaders, sample: '/api/shops/999999999' },
  // patrol console additions
  'GET /api/patrols/calendar': { access: 'signed-in', sample: '/api/patrols/calendar?from=2026-12-01&to=2026-12-31' },
  'GET /api/patrols/team-candidates': { access: ['coordinator'] },
  'GET /api/patrols/stream': { access: 'signed-in', stream: true },
  // designer: drafts, lint and deploy
  'GET /api/designer/files': { access: ['designer', 'admin'] },
  'GET /api/designer/shipped/:fileName': { access: ['designer', 'admin'], sample: '/api/designer/shipped/case-filing.form' },
  'POST /api/designer/drafts': { access: ['designer', 'admin'], body: {} },
  'GET /api/designer/drafts/:id': { access: ['designer', 'admin'], sample: '/api/designer/drafts/999999999' },
  'PUT /api/designer/drafts/:id': { access: ['designer', 'admin'], sample: '/api/designer/drafts/999999999', body: { content: '<x/>', baseRevision: 1 } },
  'DELETE /api/designer/drafts/:id': { access: ['designer', 'admin'], sample: '/api/designer/drafts/999999999' },
  'GET /api/designer/drafts/:id/revisions': { access: ['designer', 'admin'], sample: '/api/designer/drafts/999999999/revisions' },
  'GET /api/designer/drafts/:id/revisions/:revision': { access: ['designer', 'admin'], sample: '/api/designer/drafts/999999999/revisions/1' },
  'GET /api/designer/drafts/:id/download': { access: ['designer', 'admin'], sample: '/api/designer/drafts/999999999/download' },
  'POST /api/designer/drafts/:id/deploy': { access: ['designer', 'admin'], sample: '/api/designer/drafts/999999999/deploy', body: { revision: 1 } },
  'POST /api/designer/lint': { access: ['designer', 'admin'], body: {} },
  'GET /api/designer/workers': { access: ['designer', 'admin'] },
  // designer: versions, diff, live view and migration
  'GET /api/designer/processes': { access: ['designer', 'admin'] },
  'GET /api/designer/processes/:key/versions': { access: ['designer', 'admin'], sample: '/api/designer/processes/no-such-process-key/versions' },
  'GET /api/designer/definitions/:id/xml': { access: ['designer', 'admin'], sample: '/api/designer/definitions/no-such-definition/xml' },
  'GET /api/designer/definitions/:id/live': { access: ['designer', 'admin'], sample: '/api/designer/definitions/no-such-definition/live' },
  'POST /api/designer/diff': { access: ['designer', 'admin'], body: {} },
  'POST /api/designer/incidents/:id/retry': { access: ['designer', 'admin'], sample: '/api/designer/incidents/no-such-incident/retry', body: {} },
  'POST /api/designer/migrations/plan': { access: ['designer', 'admin'], body: {} },
  'POST /api/designer/migrations/execute': { access: ['designer', 'admin'], body: {} },
};

/** Requests under each module's prefix that no route answers: 404 for everyone, never 401 or 403. */
const unknownRoutes = [
  'GET /api/health/extra',
  'GET /api/auth/extra',
  'POST /api/auth/me',
  'GET /api/cases/00000000/extra',
  'GET /api/cases/00000000/photos/1/extra',
  'DELETE /api/cases/00000000',
  'GET /api/tasks/no-such-task/extra',
  'POST /api/tasks/no-such-task/extra',
  'DELETE /api/tasks/no-such-task',
  'GET /api/reference/extra',
  'GET /api/settings/extra',
  'GET /api/geo/extra',
  'GET /api/users/999999999/extra',
  'POST /api/users/999999999/extra',
  'DELETE /api/users/999999999',
  'GET /api/audit/extra',
  'POST /api/audit',
  'GET /api/shops/999999999/extra',
  'POST /api/shops',
  'DELETE /api/shops/999999999',
  'GET /api/patrols/XC-0000-0000/extra',
  'DELETE /api/patrols/XC-0000-0000',
  'GET /api/patrol-runs/XC-0000-0000-01/extra',
  'POST /api/patrol-runs/XC-0000-0000-01',
  'GET /api/operations/JO-2000-0000/extra',
  'DELETE /api/operations/JO-2000-0000',
  'POST /api/operations/JO-2000-0000/report',
  'GET /api/no-such-module',
];

/** Anonymous, then one demo account per role. */
const callers: Array<{ who: string; username?: string; role?: Role }> = [
  { who: 'anonymous' },
  { who: 'admin', username: 'admin', role: 'admin' },
  { who: 'zhihui (command-centre)', username: 'zhihui', role: 'command-centre' },
  { who: 'duban (supervisor)', username: 'duban', role: 'supervisor' },
  { who: 'wangge (inspector)', username: 'wangge', role: 'inspector' },
  { who: 'rexian (hotline-operator)', username: 'rexian', role: 'hotline-operator' },
  { who: 'xietiao (coordinator)', username: 'xietiao', role: 'coordinator' },
  { who: 'sheji (designer)', username: 'sheji', role: 'designer' },
  { who: 'huanwei (liaison)', username: 'huanwei', role: 'liaison' },
];

function allows(access: Access, role: Role | undefined): boolean {
  if (access === 'public') return true;
  if (access === 'signed-in') return role !== undefined;
  return role !== undefined && access.includes(role);
}

const cases = Object.entries(matrix).flatMap(([route, entry]) =>
  callers.map((caller) => {
    const expected = allows(entry.access, caller.role) ? 'passes' : caller.role ? '403' : '401';
    return { route, entry, caller, who: caller.who, expected };
  }),
);

const unknownCases = unknownRoutes.flatMap((route) => callers.map((caller) => ({ route, caller, who: caller.who })));

let server: RunningServer;
const sessions = new Map<string, ApiClient>();

beforeAll(async () => {
  server = await startTestServer({ WORKERS: 'off' });
  for (const { username } of callers) if (username) sessions.set(username, await ApiClient.signedIn(server.url, username));
});

afterAll(async () => {
  await server?.stop();
});

/** The caller's shared session, a fresh one when the call ends or replaces it, or none for anonymous. */
async function clientFor(username: string | undefined, own: boolean): Promise<ApiClient> {
  if (!username) return new ApiClient(server.url);
  return own ? ApiClient.signedIn(server.url, username) : sessions.get(username)!;
}

/** Calls the sample request and returns its status, content type and (for ordinary routes) body text. */
async function call(route: string, entry: Entry, client: ApiClient): Promise<{ status: number; type: string; text: string }> {
  const [method, path] = route.split(' ') as [string, string];
  const url = entry.sample ?? path;
  if (entry.stream) {
    const controller = new AbortController();
    const stream = await client.events(url, controller.signal);
    controller.abort();
    await stream.done;
    return { status: stream.response.status, type: stream.response.headers.get('content-type') ?? '', text: '' };
  }
  const body = typeof entry.body === 'function' ? (entry.body as () => unknown)() : entry.body;
  const response = await client.raw(method, url, body);
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

describe('the role × route matrix', () => {
  it('has an entry for every route registered under /api', () => {
    const registered = listRoutes(server.app, '/api').map((r) => `${r.method} ${r.path}`);
    expect(registered.filter((route) => !(route in matrix))).toEqual([]);
  });

  it('names only routes that exist', () => {
    const registered = new Set(listRoutes(server.app, '/api').map((r) => `${r.method} ${r.path}`));
    expect(Object.keys(matrix).filter((route) => !registered.has(route))).toEqual([]);
  });

  it.each(cases)('$route as $who: $expected', async ({ route, entry, caller, expected }) => {
    const client = await clientFor(caller.username, entry.ownSession ?? false);

    const { status, type, text } = await call(route, entry, client);

    if (expected === 'passes') {
      expect([401, 403], `${route} answered ${status}: ${text}`).not.toContain(status);
      expect(status, `${route} answered ${status}: ${text}`).toBeLessThan(500);
      if (entry.stream) expect(type).toMatch(/^text\/event-stream/);
    } else {
      expect(status, `${route} answered ${status}: ${text}`).toBe(Number(expected));
    }
  });
});

describe('unknown routes', () => {
  it.each(unknownCases)('$route as $who: 404', async ({ route, caller }) => {
    // given
    const [method, path] = route.split(' ') as [string, string];

    // when
    const response = await (await clientFor(caller.username, false)).raw(method, path);

    // then
    const text = await response.text();
    expect(response.status, `${route} answered ${response.status}: ${text}`).toBe(404);
    expect(JSON.parse(text).error.code).toBe('NOT_FOUND');
  });
});
