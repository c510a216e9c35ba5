import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoPassword } from '../../../../db/seed/demo-data.js';
import { startTestServer } from '../../../../test/support/test-server.js';
import type { RunningServer } from '../../server.js';
import { AuditRecordEntity } from '../audit/index.js';
import { UserEntity } from '../users/index.js';
import { signIn } from './auth.service.js';
import { createPasswordCheck } from './password-check.js';

/** Peer-addressed: TRUST_PROXY unset, so X-Forwarded-For is ignored. */
let direct: RunningServer;
/** Behind a proxy on loopback: TRUST_PROXY=loopback, so X-Forwarded-For names the client. */
let proxied: RunningServer;
const password = 'Throttle2026pw';
let serial = 0;

beforeAll(async () => {
  const common = { WORKERS: 'off', DEPLOY_ON_START: 'false', SIGN_IN_ATTEMPTS: '3' };
  [direct, proxied] = await Promise.all([startTestServer(common), startTestServer({ ...common, TRUST_PROXY: 'loopback' })]);
});

afterAll(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()]);
});

/** A fresh account of its own (lower-case, as every account is), so that counts and audit records are this test's. */
async function account(active = true): Promise<string> {
  const username = `acc${Date.now().toString(36)}${(serial++).toString(36)}`;
  await direct.dataSource.manager.insert(UserEntity, { username, displayName: '登录限流测试', passwordHash: await hash(password), departmentCode: null, roles: ['inspector'], active, createdAt: new Date() });
  return username;
}

/** One sign-in over HTTP, optionally through a (claimed) proxy hop. */
async function attempt(server: RunningServer, username: string, pass: string, forwardedFor?: string): Promise<number> {
  const headers = { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) };
  const response = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username, password: pass }) });
  return response.status;
}

const auditOf = (action: string, username: string) => direct.dataSource.manager.find(AuditRecordEntity, { where: { action, targetId: username }, order: { id: 'ASC' } });

describe('the sign-in throttle', () => {
  it('counts every spelling of a name against the name: after 429, "name " and "NAME" get no fresh tries', async () => {
    // given three failures of the name
    const username = await account();
    for (let i = 0; i < 3; i++) expect(await attempt(direct, username, `wrong-${i}`)).toBe(401);

    // when the right password comes with other spacing or case
    const spellings = [`${username} `, username.toUpperCase(), ` ${username[0]!.toUpperCase()}${username.slice(1)}\t`];
    const statuses = await Promise.all(spellings.map((spelling) => attempt(direct, spelling, password)));

    // then each is throttled as the name itself
    expect(statuses).toEqual([429, 429, 429]);
  });

  it('signs in with the name in any case and with surrounding spaces', async () => {
    // given
    const username = await account();

    // when / then
    expect(await attempt(direct, ` ${username.toUpperCase()} `, password)).toBe(200);
  });

  it('does not reach an account through an accented variant of its name, which MySQL collation would match', async () => {
    // given an account "acc…" and its right password
    const username = await account();

    // when signing in as "ácc…"
    const status = await attempt(direct, `á${username.slice(1)}`, password);

    // then
    expect(status).toBe(401);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY: forged addresses share the peer’s bucket', async () => {
    // given three failures, each claiming another forwarded address
    const username = await account();
    for (let i = 1; i <= 3; i++) expect(await attempt(direct, username, 'wrong', `10.0.0.${i}`)).toBe(401);

    // when the right password comes with yet another forged address
    const status = await attempt(direct, username, password, '10.0.0.99');

    // then it is still the same client, and throttled
    expect(status).toBe(429);
  });

  it('with TRUST_PROXY, failures from one address do not lock the account for its owner at another', async () => {
    // given an attacker at one address who used up the tries
    const username = await account();
    for (let i = 0; i < 3; i++) expect(await attempt(proxied, username, 'wrong', '203.0.113.7')).toBe(401);
    expect(await attempt(proxied, username, password, '203.0.113.7')).toBe(429);

    // when the owner signs in from their own address
    const status = await attempt(proxied, username, password, '198.51.100.20');

    // then
    expect(status).toBe(200);
  });
});

describe('sign-in audit', () => {
  it('records each failed sign-in with the normalised name and the client address', async () => {
    // given
    const username = await account();

    // when it fails behind the trusted proxy, and directly with a forged address
    expect(await attempt(proxied, `  ${username.toUpperCase()} `, 'wrong', '203.0.113.9')).toBe(401);
    expect(await attempt(direct, username, 'wrong', '192.0.2.66')).toBe(401);

    // then
    const records = await auditOf('auth.sign-in-failed', username);
    expect(records.map((r) => r.actor)).toEqual(['anonymous', 'anonymous']);
    const [viaProxy, forged] = records.map((r) => JSON.parse(r.afterState!) as { address: string; reason: string });
    expect(viaProxy).toEqual({ address: '203.0.113.9', reason: 'wrong-password' });
    expect(forged!.address).toMatch(/127\.0\.0\.1|::1/);
  });

  it('records throttling once per window, with the name and the address', async () => {
    // given three failures
    const username = await account();
    for (let i = 0; i < 3; i++) expect(await attempt(proxied, username, 'wrong', '203.0.113.10')).toBe(401);

    // when two more are refused
    expect(await attempt(proxied, username, 'wrong', '203.0.113.10')).toBe(429);
    expect(await attempt(proxied, username, 'wrong', '203.0.113.10')).toBe(429);

    // then one record says so
    const records = await auditOf('auth.sign-in-throttled', username);
    expect(records.map((r) => [r.actor, JSON.parse(r.afterState!).address])).toEqual([['anonymous', '203.0.113.10']]);
  });
});

describe('the cost of a failed sign-in', () => {
  it.each([
    { who: 'an unknown name', make: async () => `nobody${Date.now().toString(36)}`, against: 'dummy' },
    { who: 'an inactive account', make: () => account(false), against: 'dummy' },
    { who: 'an active account with a wrong password', make: () => account(), against: 'account' },
  ])('verifies one argon2 hash for $who', async ({ make, against }) => {
    // given a password check that is watched
    const real = createPasswordCheck();
    const passwords = { dummyHash: real.dummyHash, verify: vi.fn(real.verify) };
    const username = await make();

    // when
    const failure = signIn(direct.dataSource, passwords, { username, password: 'not-the-password1', address: '192.0.2.1' });

    // then it fails after exactly one verification, against the dummy hash or the account's own
    await expect(failure).rejects.toMatchObject({ status: 401, message: '用户名或密码错误' });
    expect(passwords.verify).toHaveBeenCalledTimes(1);
    const row = await direct.dataSource.manager.findOneBy(UserEntity, { username });
    expect(passwords.verify.mock.calls[0]![0]).toBe(against === 'dummy' ? await real.dummyHash : row!.passwordHash);
  });

  it('makes the dummy hash with the same argon2 parameters as the accounts’ hashes, and no password matches it', async () => {
    // given
    const check = createPasswordCheck();
    const demo = await direct.dataSource.manager.findOneByOrFail(UserEntity, { username: 'wangge' });

    // when
    const dummy = await check.dummyHash;

    // then
    const parameters = (h: string) => h.split('$').slice(1, 4).join('$');
    expect(parameters(dummy)).toBe(parameters(demo.passwordHash));
    expect(await check.verify(dummy, demoPassword)).toBe(false);
  });
});
