import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserView } from '../../contracts/users.js';
import { ApiClient } from '../../../../test/support/api-client.js';
import { eventually } from '../../../../test/support/test-env.js';
import { startTestServer } from '../../../../test/support/test-server.js';
import type { RunningServer } from '../../server.js';
import { AuditRecordEntity } from '../audit/index.js';

let server: RunningServer;
let admin: ApiClient;
let serial = 0;

beforeAll(async () => {
  server = await startTestServer({ WORKERS: 'off', DEPLOY_ON_START: 'false' });
  admin = await ApiClient.signedIn(server.url, 'admin');
});

afterAll(async () => {
  await server?.stop();
});

/** A username no other test run uses. */
const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36)}${(serial++).toString(36)}`;

/** Creates an account through the API and returns it. */
async function createAccount(overrides: Partial<Record<string, unknown>> = {}): Promise<UserView> {
  return admin.post<UserView>('/api/users', { username: uniqueName('u'), displayName: '测试 用户', departmentCode: 'grid-inspection', roles: ['inspector'], password: 'Start2026pass', ...overrides });
}

const auditOf = (username: string, action: string) => server.dataSource.manager.findBy(AuditRecordEntity, { targetType: 'user', targetId: username, action });

/**
 * Holds a write lock on the account's row in a transaction of the test (MySQL only; the embedded database runs one
 * transaction at a time anyway). release(waiting) first waits until that many other transactions queue on the lock.
 */
async function holdRow(id: number): Promise<{ release(waiting: number): Promise<void> }> {
  if (server.dataSource.options.type !== 'mysql') return { release: async () => undefined };
  const runner = server.dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  await runner.query('SELECT id FROM app_user WHERE id = ? FOR UPDATE', [id]);
  return {
    async release(waiting) {
      await eventually(async () => {
        const [row] = await server.dataSource.query("SELECT COUNT(*) AS n FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT' AND trx_query LIKE '%app_user%'");
        return Number(row.n) >= waiting;
      }, { timeoutMs: 10_000, what: `${waiting} transactions waiting on the account` });
      await runner.commitTransaction();
      await runner.release();
    },
  };
}

describe('GET /api/users', () => {
  it('lists the accounts sorted by username, without password hashes', async () => {
    const { items } = await admin.get<{ items: UserView[] }>('/api/users');
    const names = items.map((u) => u.username);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(items.find((u) => u.username === 'huanwei')).toMatchObject({ displayName: '环卫联络员 孙磊', departmentCode: 'sanitation', roles: ['liaison'], active: true });
    expect(JSON.stringify(items)).not.toMatch(/passwordHash|argon2/);
  });

  it('filters by text, department, role and active', async () => {
    const liaisons = await admin.get<{ items: UserView[] }>('/api/users?role=liaison&departmentCode=sanitation&active=true');
    expect(liaisons.items.map((u) => u.username)).toEqual(expect.arrayContaining(['huanwei', 'huanwei2']));
    expect(liaisons.items.every((u) => u.roles.includes('liaison') && u.departmentCode === 'sanitation' && u.active)).toBe(true);
    const byName = await admin.get<{ items: UserView[] }>(`/api/users?q=${encodeURIComponent('孙磊')}`);
    expect(byName.items.map((u) => u.username)).toEqual(['huanwei']);
    const wildcard = await admin.get<{ items: UserView[] }>('/api/users?q=%25');
    expect(wildcard.items).toEqual([]);
  });

  it('refuses an unknown role filter with 400 and other roles with 403', async () => {
    expect((await admin.raw('GET', '/api/users?role=boss')).status).toBe(400);
    const supervisor = await ApiClient.signedIn(server.url, 'duban');
    expect((await supervisor.raw('GET', '/api/users')).status).toBe(403);
  });
});

describe('POST /api/users', () => {
  it('creates an account that signs in with its first password, and audits it without the hash', async () => {
    const username = uniqueName('new');
    const response = await admin.raw('POST', '/api/users', { username, displayName: '新网格员', departmentCode: 'grid-inspection', roles: ['inspector'], password: 'Start2026pass' });
    expect(response.status).toBe(201);
    const created = (await response.json()) as UserView;
    expect(created).toMatchObject({ username, displayName: '新网格员', departmentCode: 'grid-inspection', roles: ['inspector'], active: true });
    expect(created).not.toHaveProperty('passwordHash');

    await ApiClient.signedIn(server.url, username, 'Start2026pass');
    const [record] = await auditOf(username, 'user.create');
    expect(record).toMatchObject({ actor: 'admin' });
    expect(JSON.parse(record!.afterState!)).toMatchObject({ id: created.id, username, roles: ['inspector'] });
    expect(record!.afterState).not.toMatch(/password/i);
  });

  it('answers a taken username with 409', async () => {
    const response = await admin.raw('POST', '/api/users', { username: 'huanwei', displayName: '重名', departmentCode: null, roles: ['inspector'], password: 'Start2026pass' });
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toBe('用户名 huanwei 已被使用，请换一个');
  });

  it.each([
    { when: 'the username has capitals', body: { username: 'BadName' }, path: 'body.username' },
    { when: 'the username is too short', body: { username: 'ab' }, path: 'body.username' },
    { when: 'no role is given', body: { roles: [] }, path: 'body.roles' },
    { when: 'a role is unknown', body: { roles: ['boss'] }, path: 'body.roles.0' },
    { when: 'the password is weak', body: { password: 'short1' }, path: 'body.password' },
    { when: 'the password has no digit', body: { password: 'onlyletterslong' }, path: 'body.password' },
    { when: 'the department does not exist', body: { departmentCode: 'no-such-dept' }, path: 'body.departmentCode' },
    { when: 'a liaison has no department', body: { roles: ['liaison'], departmentCode: null }, path: 'body.departmentCode' },
    { when: 'a liaison belongs to a unit', body: { roles: ['liaison'], departmentCode: 'hotline' }, path: 'body.departmentCode' },
    { when: 'a field is unknown', body: { passwordHash: 'x' }, path: 'body' },
  ])('answers 400 naming $path when $when', async ({ body, path }) => {
    const response = await admin.raw('POST', '/api/users', { username: uniqueName('v'), displayName: '校验', departmentCode: null, roles: ['inspector'], password: 'Start2026pass', ...body });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
  });
});

describe('PATCH /api/users/:id', () => {
  it('changes only the fields sent and audits before and after', async () => {
    const user = await createAccount();
    const updated = await admin.send<UserView>('PATCH', `/api/users/${user.id}`, { displayName: '改名 用户', roles: ['inspector', 'coordinator'] });
    expect(updated).toMatchObject({ id: user.id, username: user.username, displayName: '改名 用户', departmentCode: 'grid-inspection', roles: ['inspector', 'coordinator'], active: true });

    const [record] = await auditOf(user.username, 'user.update');
    expect(JSON.parse(record!.beforeState!)).toMatchObject({ displayName: '测试 用户', roles: ['inspector'] });
    expect(JSON.parse(record!.afterState!)).toMatchObject({ displayName: '改名 用户', roles: ['inspector', 'coordinator'] });
  });

  it('ends the sessions of a deactivated account, which can no longer sign in', async () => {
    const user = await createAccount();
    const session = await ApiClient.signedIn(server.url, user.username, 'Start2026pass');
    expect((await session.raw('GET', '/api/auth/me')).status).toBe(200);

    expect((await admin.send<UserView>('PATCH', `/api/users/${user.id}`, { active: false })).active).toBe(false);

    expect((await session.raw('GET', '/api/auth/me')).status).toBe(401);
    expect((await new ApiClient(server.url).raw('POST', '/api/auth/login', { username: user.username, password: 'Start2026pass' })).status).toBe(401);
  });

  it('refuses to make a liaison without an enforcement department', async () => {
    const user = await createAccount();
    const response = await admin.raw('PATCH', `/api/users/${user.id}`, { roles: ['liaison'] });
    expect(response.status).toBe(400);
    expect((await admin.send<UserView>('PATCH', `/api/users/${user.id}`, { roles: ['liaison'], departmentCode: 'commerce' })).roles).toEqual(['liaison']);
  });

  it('does not let an admin deactivate themselves or drop their own admin role', async () => {
    const other = await createAccount({ roles: ['admin'], departmentCode: null });
    const self = await ApiClient.signedIn(server.url, other.username, 'Start2026pass');

    const deactivate = await self.raw('PATCH', `/api/users/${other.id}`, { active: false });
    expect(deactivate.status).toBe(409);
    expect((await deactivate.json()).error.message).toBe('不能停用自己的账号，请由其他管理员操作');
    const demote = await self.raw('PATCH', `/api/users/${other.id}`, { roles: ['supervisor'] });
    expect(demote.status).toBe(409);
    expect((await demote.json()).error.message).toBe('不能取消自己的管理员角色，请由其他管理员操作');
    expect((await self.raw('GET', '/api/users')).status).toBe(200);
  });

  it("applies two admins' concurrent changes one after the other, each audit starting from what the other left", async () => {
    // given an account, a second admin, and the account's row held by the test so that both changes arrive while it is locked
    const user = await createAccount();
    const second = await createAccount({ roles: ['admin'], departmentCode: null });
    const otherAdmin = await ApiClient.signedIn(server.url, second.username, 'Start2026pass');
    const hold = await holdRow(user.id);

    // when both admins change the account at once
    const renamed = admin.send<UserView>('PATCH', `/api/users/${user.id}`, { displayName: '并发 改名' });
    const promoted = otherAdmin.send<UserView>('PATCH', `/api/users/${user.id}`, { roles: ['inspector', 'coordinator'] });
    await hold.release(2);
    await Promise.all([renamed, promoted]);

    // then both changes are applied, and the later audit's before is the earlier audit's after
    const { items } = await admin.get<{ items: UserView[] }>(`/api/users?q=${user.username}`);
    expect(items[0]).toMatchObject({ displayName: '并发 改名', roles: ['inspector', 'coordinator'] });
    const [first, last] = (await auditOf(user.username, 'user.update')).sort((a, b) => a.id - b.id).map((r) => ({ before: JSON.parse(r.beforeState!), after: JSON.parse(r.afterState!) }));
    expect(first!.before).toEqual(user);
    expect(last!.before).toEqual(first!.after);
    expect(last!.after).toEqual(items[0]);
  });

  it('answers an unknown id with 404 and a malformed id with 400', async () => {
    expect((await admin.raw('PATCH', '/api/users/999999999', { displayName: '无人' })).status).toBe(404);
    const malformed = await admin.raw('PATCH', '/api/users/abc', { displayName: '无人' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.details.issues[0].path).toBe('params.id');
  });
});

describe('POST /api/users/:id/password', () => {
  it('sets the new password, ends the sessions and audits without the hash', async () => {
    const user = await createAccount();
    const session = await ApiClient.signedIn(server.url, user.username, 'Start2026pass');

    expect((await admin.raw('POST', `/api/users/${user.id}/password`, { password: 'Reset2026pass' })).status).toBe(204);

    expect((await session.raw('GET', '/api/auth/me')).status).toBe(401);
    await ApiClient.signedIn(server.url, user.username, 'Reset2026pass');
    expect((await new ApiClient(server.url).raw('POST', '/api/auth/login', { username: user.username, password: 'Start2026pass' })).status).toBe(401);
    const [record] = await auditOf(user.username, 'user.password-reset');
    expect(record).toMatchObject({ actor: 'admin' });
    expect(`${record!.beforeState}${record!.afterState}`).not.toMatch(/argon2|Reset2026pass/);
  });

  it('applies the password policy, and answers an unknown id with 404', async () => {
    const user = await createAccount();
    const weak = await admin.raw('POST', `/api/users/${user.id}/password`, { password: 'weak' });
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.details.issues[0].path).toBe('body.password');
    expect((await admin.raw('POST', '/api/users/999999999/password', { password: 'Reset2026pass' })).status).toBe(404);
  });
});
