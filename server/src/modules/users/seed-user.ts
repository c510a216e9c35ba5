import { hash } from '@node-rs/argon2';
import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/index.js';
import type { Role } from './roles.js';
import { UserEntity } from './user.entity.js';

/** An account to create when missing. */
export interface SeedUser {
  username: string;
  displayName: string;
  departmentCode: string;
  roles: Role[];
}

/**
 * Creates the account unless it exists, with an audit record; returns whether it did. INSERT IGNORE / INSERT OR IGNORE,
 * because several processes may seed one database at the same moment.
 */
export async function createUserIfMissing(manager: EntityManager, user: SeedUser, password: string): Promise<boolean> {
  if (await manager.existsBy(UserEntity, { username: user.username })) return false;
  const row = { ...user, passwordHash: await hash(password), active: true, createdAt: new Date() };
  const { raw } = await manager.createQueryBuilder().insert().into(UserEntity).values(row).orIgnore().updateEntity(false).execute();
  // mysql2 reports affectedRows; sql.js reports nothing, and only one process uses its file.
  if ((raw as { affectedRows?: number } | undefined)?.affectedRows === 0) return false;
  await recordAudit(manager, { actor: 'system', action: 'user.create', targetType: 'user', targetId: user.username, after: { ...user } });
  return true;
}
