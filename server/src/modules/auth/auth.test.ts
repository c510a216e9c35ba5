import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../../test/support/api-client.js';
import { startTestServer } from '../../../../test/support/test-server.js';
import type { RunningServer } from '../../server.js';
import { hash } from '@node-rs/argon2';
import { AuditRecordEntity } from '../audit/index.js';
import { UserEntity } from '../users/index.js';
import { demoPassword, demoUsers } from '../../../../db/seed/demo-data.js';

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer({ WORKERS: 'off', DEPLOY_ON_START: 'false', SIGN_IN_ATTEMPTS: '3' });
});

afterAll(async () => {
  await server?.stop();
});

describe('sign-in', () => {
  it('signs in with the demo password and sets an httpOnly, same-site session cookie', async () => {
    const api = new ApiClient(server.url);
    const response = await api.raw('POST', '/api/auth/login', { username: 'huanwei', password: 'Lianqin@2026' });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/lianqin_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(await response.json()).toMatchObject({ user: { username: 'huanwei', departmentCode: 'sanitation', roles: ['liaison'] } });
  });

  it('answers a wrong password with 401 and the same message as an unknown user', async () => {
    const wrong = await new ApiClient(server.url).raw('POST', '/api/auth/login', { username: 'gongan', password: 'nope' });
    const unknown = await new ApiClient(server.url).raw('POST', '/api/auth/login', { username: 'nobody', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);
  });

  it('throttles repeated failed sign-ins of one user name with 429', async () => {
    const api = new ApiClient(server.url);
    for (let i = 0; i < 3; i++) expect((await api.raw('POST', '/api/auth/login', { username: 'duban', password: `bad-${i}` })).status).toBe(401);
    const blocked = await api.raw('POST', '/api/auth/login', { username: 'duban', password: 'Lianqin@2026' });
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error.code).toBe('TOO_MANY_REQUESTS');
  });

  it('signs many people in at the same moment, as a shift change does', async () => {
    // given the demo accounts, each signing in twice at once
    const people = demoUsers.map((u) => u.username).filter((u) => u !== 'duban');

    // when all sign-ins arrive together
    const statuses = await Promise.all([...people, ...people].map(async (username) => (await new ApiClient(server.url).raw('POST', '/api/auth/login', { username, password: demoPassword })).status));

    // then every one of them succeeds
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });

  it('knows the user until sign-out, then answers 401', async () => {
    const api = await ApiClient.signedIn(server.url, 'zhihui');
    expect((await api.get('/api/auth/me')).user.username).toBe('zhihui');
    expect((await api.raw('POST', '/api/auth/logout')).status).toBe(204);
    expect((await api.raw('GET', '/api/auth/me')).status).toBe(401);
  });

  it('changes the password after checking the current one, and audits it', async () => {
    // given an account of its own, so that other tests keep the demo passwords
    const username = `pw${Date.now().toString(36)}`;
    await server.dataSource.manager.insert(UserEntity, { username, displayName: '改密测试', passwordHash: await hash('Start#2026pw'), departmentCode: null, roles: ['inspector'], active: true, createdAt: new Date() });
    const api = await ApiClient.signedIn(server.url, username, 'Start#2026pw');

    const refused = await api.raw('POST', '/api/auth/password', { currentPassword: 'wrong', newPassword: 'NewPassw0rd2026' });
    expect(refused.status).toBe(400);
    const weak = await api.raw('POST', '/api/auth/password', { currentPassword: 'Start#2026pw', newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.details.issues[0].path).toBe('body.newPassword');
    expect((await api.raw('POST', '/api/auth/password', { currentPassword: 'Start#2026pw', newPassword: 'NewPassw0rd2026' })).status).toBe(204);

    await ApiClient.signedIn(server.url, username, 'NewPassw0rd2026');
    expect((await new ApiClient(server.url).raw('POST', '/api/auth/login', { username, password: 'Start#2026pw' })).status).toBe(401);
    expect(await server.dataSource.manager.countBy(AuditRecordEntity, { actor: username, action: 'auth.password-change' })).toBe(1);
  });
});
