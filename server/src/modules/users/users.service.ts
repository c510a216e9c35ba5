import { hash } from '@node-rs/argon2';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { SessionUser } from '../../contracts/auth.js';
import type { UserView } from '../../contracts/users.js';
import { inTransaction } from '../../db/transaction.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors/index.js';
import { recordAudit } from '../audit/index.js';
import { DepartmentEntity, isDepartmentCode } from '../departments/index.js';
import { UserEntity, type User } from './user.entity.js';
import type { CreateUserInput, ListUsersQuery, UpdateUserInput } from './users.schema.js';

/**
 * Ends every session of an account in the caller's transaction and says how many there were. Sessions belong to the
 * auth module, which passes its own; so users depends on nothing of auth.
 */
export type EndSessions = (manager: EntityManager, userId: number) => Promise<number>;

/** An account as the admin screen shows it, without its password hash. */
export function toUserView(user: User): UserView {
  const { id, username, displayName, departmentCode, roles, active, createdAt } = user;
  return { id, username, displayName, departmentCode, roles, active, createdAt: createdAt.toISOString() };
}

/** The accounts matching the filters, sorted by username. */
export async function listUsers(dataSource: DataSource, query: ListUsersQuery): Promise<{ items: UserView[] }> {
  const qb = dataSource.manager.createQueryBuilder(UserEntity, 'u');
  if (query.q) qb.andWhere("(u.username LIKE :q ESCAPE '!' OR u.displayName LIKE :q ESCAPE '!')", { q: `%${query.q.replace(/[!%_]/g, '!$&')}%` });
  if (query.departmentCode) qb.andWhere('u.departmentCode = :departmentCode', { departmentCode: query.departmentCode });
  if (query.role) rolesContain(qb, query.role);
  if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
  const rows = await qb.orderBy('u.username', 'ASC').getMany();
  return { items: rows.map(toUserView) };
}

/** Creates an account with an argon2id hash of its first password, audited as user.create. */
export async function createUser(dataSource: DataSource, actor: SessionUser, input: CreateUserInput): Promise<UserView> {
  const { password, ...fields } = input;
  await assertDepartment(dataSource.manager, fields.departmentCode, fields.roles);
  const passwordHash = await hash(password);
  return inTransaction(dataSource, async (manager) => {
    if (await manager.existsBy(UserEntity, { username: fields.username })) throw usernameTaken(fields.username);
    const row = { ...fields, passwordHash, active: true, createdAt: new Date() };
    try {
      await manager.insert(UserEntity, row);
    } catch (error) {
      // Two admins creating the same name at once: the unique index decides.
      if (/duplicate|unique/i.test(String((error as Error).message))) throw usernameTaken(fields.username);
      throw error;
    }
    const view = toUserView(await manager.findOneByOrFail(UserEntity, { username: fields.username }));
    await recordAudit(manager, { actor: actor.username, action: 'user.create', targetType: 'user', targetId: view.username, after: view });
    return view;
  });
}

/**
 * Changes the fields sent; deactivating ends the account's sessions. An admin cannot lock themselves out.
 * The row is read under a write lock in the transaction that writes and audits it, so two admins changing one account
 * at once are applied one after the other, and each audit's "before" is what the other left.
 */
export async function updateUser(dataSource: DataSource, actor: SessionUser, id: number, input: UpdateUserInput, endSessions: EndSessions): Promise<UserView> {
  return inTransaction(dataSource, async (manager) => {
    const current = await findUser(manager, id, { forUpdate: true });
    const next: User = {
      ...current,
      displayName: input.displayName ?? current.displayName,
      departmentCode: input.departmentCode === undefined ? current.departmentCode : input.departmentCode,
      roles: input.roles ?? current.roles,
      active: input.active ?? current.active,
    };
    if (id === actor.id && !next.active) throw new ConflictError('不能停用自己的账号，请由其他管理员操作');
    if (id === actor.id && !next.roles.includes('admin')) throw new ConflictError('不能取消自己的管理员角色，请由其他管理员操作');
    if (input.departmentCode !== undefined || input.roles !== undefined) await assertDepartment(manager, next.departmentCode, next.roles);
    await manager.update(UserEntity, { id }, { displayName: next.displayName, departmentCode: next.departmentCode, roles: next.roles, active: next.active });
    if (current.active && !next.active) await endSessions(manager, id);
    const before = toUserView(current);
    const after = toUserView(next);
    await recordAudit(manager, { actor: actor.username, action: 'user.update', targetType: 'user', targetId: current.username, before, after });
    return after;
  });
}

/** Sets a new password chosen by an admin and ends the account's sessions, audited as user.password-reset. */
export async function resetPassword(dataSource: DataSource, actor: SessionUser, id: number, password: string, endSessions: EndSessions): Promise<void> {
  const user = await findUser(dataSource.manager, id);
  const passwordHash = await hash(password);
  await inTransaction(dataSource, async (manager) => {
    await manager.update(UserEntity, { id }, { passwordHash });
    const sessions = await endSessions(manager, id);
    await recordAudit(manager, { actor: actor.username, action: 'user.password-reset', targetType: 'user', targetId: user.username, before: { sessions }, after: { sessions: 0 } });
  });
}

/** The account, optionally read with SELECT … FOR UPDATE (MySQL; the embedded database runs one transaction at a time). */
async function findUser(manager: EntityManager, id: number, { forUpdate = false } = {}): Promise<User> {
  const lock = forUpdate && manager.dataSource.options.type === 'mysql' ? { mode: 'pessimistic_write' as const } : undefined;
  const user = await manager.findOne(UserEntity, { where: { id }, lock });
  if (!user) throw new NotFoundError(`用户 ${id} 不存在`, { resource: 'user', id: String(id) });
  return user;
}

/** The department must exist; a liaison belongs to one of the four enforcement departments. */
async function assertDepartment(manager: EntityManager, departmentCode: string | null, roles: readonly string[]): Promise<void> {
  if (departmentCode !== null && !(await manager.existsBy(DepartmentEntity, { code: departmentCode }))) {
    throw invalid('departmentCode', `部门 ${departmentCode} 不存在`);
  }
  if (roles.includes('liaison') && (departmentCode === null || !isDepartmentCode(departmentCode))) {
    throw invalid('departmentCode', '部门联络员须属于公安、城管执法、市场监管或环卫之一');
  }
}

function invalid(field: string, message: string): ValidationError {
  return new ValidationError(message, { issues: [{ path: `body.${field}`, message }] });
}

function usernameTaken(username: string): ConflictError {
  return new ConflictError(`用户名 ${username} 已被使用，请换一个`);
}

/** The comma-separated roles column holds the role (roles carry no LIKE wildcards). */
function rolesContain(qb: SelectQueryBuilder<User>, role: string): void {
  qb.andWhere('(u.roles = :role OR u.roles LIKE :roleHead OR u.roles LIKE :roleTail OR u.roles LIKE :roleMid)', {
    role,
    roleHead: `${role},%`,
    roleTail: `%,${role}`,
    roleMid: `%,${role},%`,
  });
}
