import { hash } from '@node-rs/argon2';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../server/src/db/index.js';
import { recordAudit } from '../../server/src/modules/audit/index.js';
import { seedCrews } from '../../server/src/modules/crews/index.js';
import { DepartmentEntity } from '../../server/src/modules/departments/index.js';
import { seedGeography, seedGridInspectors } from '../../server/src/modules/grids/index.js';
import { seedShops } from '../../server/src/modules/shops/index.js';
import { UserEntity } from '../../server/src/modules/users/index.js';
import { demoDepartments, demoPassword, demoUsers } from './demo-data.js';

/** Inserts the demo departments, accounts, district geography, shops and sanitation crews that are missing; existing rows are left as they are. */
export async function seedDemoData(dataSource: DataSource): Promise<{ departments: number; users: number; grids: number; shops: number; crews: number }> {
  return inTransaction(dataSource, async (manager) => {
    let departments = 0;
    for (const department of demoDepartments) {
      if (await manager.existsBy(DepartmentEntity, { code: department.code })) continue;
      // INSERT IGNORE / INSERT OR IGNORE: another process may seed the same rows at the same moment.
      const { raw } = await manager.createQueryBuilder().insert().into(DepartmentEntity).values(department).orIgnore().updateEntity(false).execute();
      departments += affected(raw);
    }
    let users = 0;
    for (const user of demoUsers) {
      if (await manager.existsBy(UserEntity, { username: user.username })) continue;
      const row = { ...user, passwordHash: await hash(demoPassword), active: true, createdAt: new Date() };
      const { raw } = await manager.createQueryBuilder().insert().into(UserEntity).values(row).orIgnore().updateEntity(false).execute();
      if (affected(raw) === 0) continue;
      await recordAudit(manager, { actor: 'system', action: 'user.create', targetType: 'user', targetId: user.username, after: { ...user } });
      users++;
    }
    users += await seedGridInspectors(manager, demoPassword);
    const { grids } = await seedGeography(manager);
    const shops = await seedShops(manager);
    const crews = await seedCrews(manager);
    return { departments, users, grids, shops, crews };
  });
}

/** Rows an INSERT … IGNORE wrote: mysql2 reports affectedRows; sql.js reports nothing, and only one process seeds it. */
function affected(raw: unknown): number {
  const rows = (raw as { affectedRows?: number } | undefined)?.affectedRows;
  return rows === undefined ? 1 : rows;
}
