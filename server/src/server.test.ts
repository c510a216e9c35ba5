import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/support/test-env.js';
import { startTestServer } from '../../test/support/test-server.js';
import type { HealthReport } from './contracts/health.js';
import { UserEntity } from './modules/users/index.js';
import type { RunningServer } from './server.js';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

describe('the Lianqin server', () => {
  it('comes up healthy with processes/ deployed and the workers subscribed', async () => {
    const health = await eventually(async () => {
      const report = (await (await fetch(`${server.url}/api/health`)).json()) as HealthReport;
      return report.deployment.at ? report : undefined;
    }, { what: 'the first deployment' });
    expect(health).toMatchObject({ status: 'ok', engine: { reachable: true, version: '7.24.0' } });
    expect(health.workers.topics).toEqual(expect.arrayContaining(['case-locate-grid', 'case-plan-dispatch', 'sanitation-assign-crew', 'police-file-assistance']));
  });

  it('seeds demo accounts for every role and department, with argon2id hashes', async () => {
    const users = await server.dataSource.manager.find(UserEntity);
    expect(users.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'zhihui', 'huanwei', 'shichang', 'gongan', 'chengguan', 'wangge', 'duban']));
    expect(users.every((u) => u.passwordHash.startsWith('$argon2id$'))).toBe(true);
  });

  it('answers unknown API routes and bad JSON with specific JSON errors', async () => {
    const missing = await fetch(`${server.url}/api/no-such-thing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const bad = await fetch(`${server.url}/api/health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'MALFORMED_REQUEST' } });
  });
});
