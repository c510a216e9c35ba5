import type { DataSource } from 'typeorm';
import { inTransaction } from '../../server/src/db/index.js';
import { seedCrews } from '../../server/src/modules/crews/index.js';
import { DepartmentEntity } from '../../server/src/modules/departments/index.js';
import { seedGeography, seedGridInspectors } from '../../server/src/modules/grids/index.js';
import { seedShops } from '../../server/src/modules/shops/index.js';
import { createUserIfMissing } from '../../server/src/modules/users/index.js';
import { demoDepartments, demoPassword, demoUsers } from './demo-data.js';

/** Inserts the demo departments, accounts, district geography, shops and sanitation crews that are missing; existing rows are left as they are. */
export async function seedDemoData(dataSource: DataSource): Promise<{ departments: number; users: number; grids: number; shops: number; crews: number }> {
  return inTransaction(dataSource, async (manager) => {
    let departments = 0;
    for (const department of demoDepartments) {
      if (await manager.existsBy(DepartmentEntity, { code: department.code })) continue;
      // INSERT IGNORE / INSERT OR IGNORE: another process may seed the same rows at the same moment.
      const { raw } = await manager.createQueryBuilder().insert().into(DepartmentEntity).values(department).orIgnore().updateEntity(false).execute();
      departments += (raw as { affectedRows?: number } | undefined)?.affectedRows ?? 1;
    }
    let users = 0;
    for (const user of demoUsers) if (await createUserIfMissing(manager, user, demoPassword)) users++;
    users += await seedGridInspectors(manager, demoPassword);
    const { grids } = await seedGeography(manager);
    const shops = await seedShops(manager);
    const crews = await seedCrews(manager);
    return { departments, users, grids, shops, crews };
  });
}

