import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import type { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/index.js';
import { AuditRecordEntity } from '../../server/src/modules/audit/index.js';
import { SanitationCrewEntity } from '../../server/src/modules/crews/index.js';
import { DepartmentEntity } from '../../server/src/modules/departments/index.js';
import { StreetEntity, UnitGridEntity } from '../../server/src/modules/grids/index.js';
import { ShopEntity } from '../../server/src/modules/shops/index.js';
import { UserEntity } from '../../server/src/modules/users/index.js';
import { demoDepartments } from './demo-data.js';
import { accountsWithDemoPassword, demoAccounts, seedData } from './seed.js';

// A fresh embedded database per test: what a first start sees.
let dataSource: DataSource | undefined;
const freshDatabase = async () => (dataSource = await openDatabase({ dataDir: mkdtempSync(path.join(tmpdir(), 'lianqin-seed-')) }));

afterEach(async () => {
  await dataSource?.destroy();
  dataSource = undefined;
});

describe('start-up seeding', () => {
  it('with demo data off, seeds the departments and the district geography, and no account, shop or crew', async () => {
    // given
    const db = await freshDatabase();
    // when
    const seeded = await seedData(db, { demo: false });
    // then
    expect(seeded).toMatchObject({ departments: demoDepartments.length, users: 0, shops: 0, crews: 0 });
    expect(seeded.grids).toBeGreaterThan(100);
    expect(await db.manager.count(DepartmentEntity)).toBe(demoDepartments.length);
    expect(await db.manager.count(StreetEntity)).toBeGreaterThan(0);
    expect(await db.manager.count(UnitGridEntity)).toBe(seeded.grids);
    expect(await db.manager.count(UserEntity)).toBe(0);
    expect(await db.manager.count(ShopEntity)).toBe(0);
    expect(await db.manager.count(SanitationCrewEntity)).toBe(0);
  });

  it('with demo data on, also seeds every demo account the banner lists, the shops and the crews', async () => {
    // given
    const db = await freshDatabase();
    // when
    const seeded = await seedData(db, { demo: true });
    // then
    const usernames = (await db.manager.find(UserEntity)).map((u) => u.username).sort();
    expect(usernames).toEqual(demoAccounts.map((a) => a.username).sort());
    expect(seeded.users).toBe(demoAccounts.length);
    expect(await db.manager.count(ShopEntity)).toBeGreaterThan(0);
    expect(await db.manager.count(SanitationCrewEntity)).toBeGreaterThan(0);
    expect(await db.manager.countBy(AuditRecordEntity, { action: 'user.create' })).toBe(demoAccounts.length);
  });

  it('adds the demo data later to a database first started without it, and changes nothing on a second run', async () => {
    // given
    const db = await freshDatabase();
    await seedData(db, { demo: false });
    // when
    const later = await seedData(db, { demo: true });
    const again = await seedData(db, { demo: true });
    // then
    expect(later).toMatchObject({ departments: 0, grids: 0, users: demoAccounts.length });
    expect(again).toEqual({ departments: 0, grids: 0, users: 0, shops: 0, crews: 0 });
  });

  it('names the active demo accounts that still have the published password', async () => {
    // given a database seeded with demo data, where one account was deactivated and one got a new password
    const db = await freshDatabase();
    await seedData(db, { demo: true });
    await db.manager.update(UserEntity, { username: 'admin' }, { active: false });
    await db.manager.update(UserEntity, { username: 'wangge2' }, { passwordHash: await hash('Changed-after-2026') });
    // when
    const open = await accountsWithDemoPassword(db);
    // then
    expect(open).toEqual(demoAccounts.map((a) => a.username).filter((u) => u !== 'admin' && u !== 'wangge2').sort());
  });

  it('names no account on a database seeded without demo data', async () => {
    // given
    const db = await freshDatabase();
    await seedData(db, { demo: false });
    // when / then
    expect(await accountsWithDemoPassword(db)).toEqual([]);
  });
});
