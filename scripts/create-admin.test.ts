import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { verify } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../server/src/db/index.js';
import { AuditRecordEntity } from '../server/src/modules/audit/index.js';
import { UserEntity } from '../server/src/modules/users/index.js';
import { testEnv, uniqueKey } from '../test/support/test-env.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs `npm run create-admin -- …args` (as tsx does) with the password, if any, piped to stdin. */
function createAdmin(args: string[], env: Record<string, string>, stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/create-admin.ts', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

/** The suite's app database (or, in the SQLite fallback, the one of env's DATA_DIR), opened after the script is done. */
async function accountOf(env: Record<string, string>, username: string) {
  const dataSource = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR! });
  try {
    const user = await dataSource.manager.findOneBy(UserEntity, { username });
    const audits = await dataSource.manager.findBy(AuditRecordEntity, { targetType: 'user', targetId: username });
    return { user, audits };
  } finally {
    await dataSource.destroy();
  }
}

const adminName = () => uniqueKey('root').replace('-', '.');

describe('npm run create-admin', () => {
  it('creates an admin with a generated strong password, printed once, audited as system:create-admin', async () => {
    // given the suite's database and nothing on stdin
    const env = testEnv();
    const username = adminName();
    // when
    const result = await createAdmin(['--username', username, '--display-name', '值班管理员'], env);
    // then
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const password = /shown only this once: (\S+)/.exec(result.stdout)?.[1];
    expect(password).toMatch(/^[\w-]{24}$/);
    expect(result.stdout.split(password!)).toHaveLength(2);
    const { user, audits } = await accountOf(env, username);
    expect(user).toMatchObject({ displayName: '值班管理员', roles: ['admin'], departmentCode: 'command-centre', active: true });
    expect(await verify(user!.passwordHash, password!)).toBe(true);
    expect(audits).toEqual([expect.objectContaining({ actor: 'system:create-admin', action: 'user.create' })]);
  });

  it('takes the password from stdin and does not print it', async () => {
    // given
    const env = testEnv();
    const username = adminName();
    // when
    const result = await createAdmin(['--username', username], env, 'Chosen-by-me-2026\n');
    // then
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`admin created: ${username}`);
    expect(result.stdout).not.toContain('Chosen-by-me-2026');
    const { user } = await accountOf(env, username);
    expect(await verify(user!.passwordHash, 'Chosen-by-me-2026')).toBe(true);
  });

  it.each([
    { password: 'short1', message: '密码至少 10 位' },
    { password: 'onlyletterslong', message: '密码须包含数字' },
  ])('refuses the weak password $password with the sign-in password rule, creating nothing', async ({ password, message }) => {
    // given
    const env = testEnv();
    const username = adminName();
    // when
    const result = await createAdmin(['--username', username], env, password);
    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect((await accountOf(env, username)).user).toBeNull();
  });

  it('refuses a username that is taken, leaving that account as it was', async () => {
    // given an account made a moment ago
    const env = testEnv();
    const username = adminName();
    expect((await createAdmin(['--username', username], env, 'First-admin-2026')).code).toBe(0);
    // when
    const result = await createAdmin(['--username', username], env, 'Second-admin-2026');
    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`用户名 ${username} 已被使用`);
    const { user, audits } = await accountOf(env, username);
    expect(await verify(user!.passwordHash, 'First-admin-2026')).toBe(true);
    expect(audits).toHaveLength(1);
  });

  it('refuses a username the admin screen would refuse', async () => {
    // given / when
    const result = await createAdmin(['--username', 'Has Spaces'], testEnv(), 'Valid-password-2026');
    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('用户名只能包含小写字母、数字、下划线、点和连字符');
  });

  it('works on the embedded SQLite database of a DATA_DIR that never started', async () => {
    // given no DATABASE_URL and an empty data folder
    const env = { DATABASE_URL: '', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lianqin-create-admin-')), LOG_LEVEL: 'warn' };
    // when
    const result = await createAdmin(['--username', 'first.admin'], env, 'Embedded-admin-2026');
    // then
    expect(result.code).toBe(0);
    const { user, audits } = await accountOf(env, 'first.admin');
    expect(user).toMatchObject({ roles: ['admin'], departmentCode: 'command-centre' });
    expect(audits.map((a) => a.actor)).toEqual(['system:create-admin']);
  });

  it('explains its usage when --username is missing', async () => {
    // given / when
    const result = await createAdmin([], testEnv());
    // then
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('npm run create-admin -- --username <name>');
  });
});
