import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { In, LessThan, type DataSource } from 'typeorm';
import { inTransaction } from '../../db/transaction.js';
import { UnauthorizedError, ValidationError } from '../../errors/index.js';
import { recordAudit } from '../audit/index.js';
import { UserEntity, type User } from '../users/index.js';
import type { CurrentUser } from './current-user.js';
import type { PasswordCheck } from './password-check.js';
import { UserSessionEntity } from './session.entity.js';
import { normaliseUsername } from './username.js';

/** How long a session lasts without signing in again. */
export const sessionLifetimeMs = 12 * 3_600_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function toCurrentUser(user: User): CurrentUser {
  return { id: user.id, username: user.username, displayName: user.displayName, departmentCode: user.departmentCode, roles: user.roles };
}

/** One sign-in as the client sent it, and the address it came from. */
export interface SignInAttempt {
  username: string;
  password: string;
  address: string;
}

/**
 * Checks the password (argon2id) and opens a session; the same message for an unknown user and a wrong password.
 * Every failure costs one argon2 verification and leaves an audit record with the normalised name and the address.
 */
export async function signIn(dataSource: DataSource, passwords: PasswordCheck, attempt: SignInAttempt): Promise<{ token: string; user: CurrentUser; expiresAt: Date }> {
  const username = normaliseUsername(attempt.username);
  const found = await dataSource.manager.findOneBy(UserEntity, { username });
  // MySQL's collation also matches accented, full-width and space-padded variants; only the exact name is the account.
  const user = found?.username === username ? found : undefined;
  const ok = await passwords.verify(user?.active ? user.passwordHash : await passwords.dummyHash, attempt.password);
  if (!user?.active || !ok) {
    const reason = !user ? 'unknown-user' : !user.active ? 'inactive' : 'wrong-password';
    await recordAudit(dataSource.manager, { actor: 'anonymous', action: 'auth.sign-in-failed', targetType: 'user', targetId: username, after: { address: attempt.address, reason } });
    throw new UnauthorizedError('用户名或密码错误');
  }
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await removeExpiredSessions(dataSource, user.id, now);
  await inTransaction(dataSource, async (manager) => {
    await manager.insert(UserSessionEntity, { tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt });
    await recordAudit(manager, { actor: user.username, action: 'auth.sign-in', targetType: 'user', targetId: user.username });
  });
  return { token, user: toCurrentUser(user), expiresAt };
}

/**
 * Housekeeping before a sign-in: the user's expired sessions go, by primary key. A range DELETE inside the sign-in
 * transaction took gap locks on MySQL that deadlocked with other people's sign-ins at the same moment.
 */
async function removeExpiredSessions(dataSource: DataSource, userId: number, now: Date): Promise<void> {
  const expired = await dataSource.manager.find(UserSessionEntity, { where: { userId, expiresAt: LessThan(now) }, select: { tokenHash: true } });
  if (expired.length) await dataSource.manager.delete(UserSessionEntity, { tokenHash: In(expired.map((s) => s.tokenHash)) });
}

/** The user of a live session, or undefined. */
export async function userOfSession(dataSource: DataSource, token: string): Promise<CurrentUser | undefined> {
  const session = await dataSource.manager.findOneBy(UserSessionEntity, { tokenHash: hashToken(token) });
  if (!session || session.expiresAt < new Date()) return undefined;
  const user = await dataSource.manager.findOneBy(UserEntity, { id: session.userId });
  return user?.active ? toCurrentUser(user) : undefined;
}

export async function signOut(dataSource: DataSource, token: string, user: CurrentUser): Promise<void> {
  await inTransaction(dataSource, async (manager) => {
    await manager.delete(UserSessionEntity, { tokenHash: hashToken(token) });
    await recordAudit(manager, { actor: user.username, action: 'auth.sign-out', targetType: 'user', targetId: user.username });
  });
}

/** Changes the password after checking the current one; other sessions of the user end. */
export async function changePassword(dataSource: DataSource, user: CurrentUser, currentPassword: string, newPassword: string, keepToken: string): Promise<void> {
  const row = await dataSource.manager.findOneByOrFail(UserEntity, { id: user.id });
  if (!(await verify(row.passwordHash, currentPassword))) {
    throw new ValidationError('当前密码不正确', { issues: [{ path: 'body.currentPassword', message: '当前密码不正确' }] });
  }
  const passwordHash = await hash(newPassword);
  await inTransaction(dataSource, async (manager) => {
    await manager.update(UserEntity, { id: user.id }, { passwordHash });
    await manager.createQueryBuilder().delete().from(UserSessionEntity).where('user_id = :id AND token_hash <> :keep', { id: user.id, keep: hashToken(keepToken) }).execute();
    await recordAudit(manager, { actor: user.username, action: 'auth.password-change', targetType: 'user', targetId: user.username });
  });
}
