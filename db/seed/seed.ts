import { verify } from '@node-rs/argon2';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '../../server/src/db/index.js';
import { seedCrews } from '../../server/src/modules/crews/index.js';
import { DepartmentEntity } from '../../server/src/modules/departments/index.js';
import { districtInspectors, seedGeography, seedGridInspectors } from '../../server/src/modules/grids/index.js';
import { seedDemoOperation } from '../../server/src/modules/joint-operations/index.js';
import { seedDemoPatrols } from '../../server/src/modules/patrols/index.js';
import { seedShopHistories, seedShops } from '../../server/src/modules/shops/index.js';
import { createUserIfMissing, UserEntity, type SeedUser } from '../../server/src/modules/users/index.js';
import { demoDepartments, demoPassword, demoUsers } from './demo-data.js';

/** Every account seeded with the published password: the demo users and the district's extra grid inspectors. */
export const demoAccounts: readonly Omit<SeedUser, 'departmentCode'>[] = [...demoUsers, ...districtInspectors.map((i) => ({ ...i, roles: ['inspector' as const] }))];

/** How many rows a seed inserted, by kind. */
export interface Seeded {
  departments: number;
  grids: number;
  users: number;
  shops: number;
  crews: number;
}

/**
 * Inserts what is missing at start-up: always the departments and the district geography the app needs to run, and with
 * `demo` the demo accounts (published password), shops and sanitation crews. Existing rows are left as they are.
 */
export async function seedData(dataSource: DataSource, { demo }: { demo: boolean }): Promise<Seeded> {
  return inTransaction(dataSource, async (manager) => {
    const reference = await seedReferenceData(manager);
    const extra = demo ? await seedDemoExtras(manager) : { users: 0, shops: 0, crews: 0 };
    return { ...reference, ...extra };
  });
}

/** Everything seedData inserts with demo data on; the test suite's global setup runs it once per run. */
export function seedDemoData(dataSource: DataSource): Promise<Seeded> {
  return seedData(dataSource, { demo: true });
}

/** The departments and units, and the streets, communities and unit grids of the district. */
async function seedReferenceData(manager: EntityManager): Promise<{ departments: number; grids: number }> {
  let departments = 0;
  for (const department of demoDepartments) {
    if (await manager.existsBy(DepartmentEntity, { code: department.code })) continue;
    // INSERT IGNORE / INSERT OR IGNORE: another process may seed the same rows at the same moment.
    const { raw } = await manager.createQueryBuilder().insert().into(DepartmentEntity).values(department).orIgnore().updateEntity(false).execute();
    departments += (raw as { affectedRows?: number } | undefined)?.affectedRows ?? 1;
  }
  const { grids } = await seedGeography(manager);
  return { departments, grids };
}

/** The demo accounts and grid inspectors with the published password, the demo shops with their histories and the sanitation crews. */
async function seedDemoExtras(manager: EntityManager): Promise<{ users: number; shops: number; crews: number }> {
  let users = 0;
  for (const user of demoUsers) if (await createUserIfMissing(manager, user, demoPassword)) users++;
  users += await seedGridInspectors(manager, demoPassword);
  const shops = await seedShops(manager);
  // Violation histories that exercise 首违不罚 in the shop files (一店一档).
  await seedShopHistories(manager);
  const crews = await seedCrews(manager);
  // A joint patrol (联合巡查) finished a week back, with an unvisited grid in its report.
  await seedDemoPatrols(manager);
  // A joint enforcement operation (联合执法) finished last week, with its report and a 回头看.
  await seedDemoOperation(manager);
  // The upcoming recurring operation needs the engine: server start plans it once processes/ is deployed (demo-series.ts).
  return { users, shops, crews };
}

/** Active demo accounts that still sign in with the published password, e.g. left by an earlier start with demo data on. */
export async function accountsWithDemoPassword(dataSource: DataSource): Promise<string[]> {
  const accounts = await dataSource.manager.findBy(UserEntity, { username: In(demoAccounts.map((a) => a.username)), active: true });
  const open = await Promise.all(accounts.map(async (a) => ((await verify(a.passwordHash, demoPassword)) ? a.username : undefined)));
  return open.filter((username) => username !== undefined).sort();
}
