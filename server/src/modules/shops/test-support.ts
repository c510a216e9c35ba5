import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { dropDatabases, ensureDatabases, withDatabase } from '../../../../scripts/lib/mysql.js';
import { uniqueKey } from '../../../../test/support/test-env.js';
import { openDatabase } from '../../db/index.js';
import type { EngineClient } from '../../engine/index.js';
import { creditGradeOf, yearlyCreditPoints } from './credit.js';
import { dutyTemplates } from './demo-shops.js';
import { ShopEntity, type Shop } from './shop.entity.js';

/** A shop of the test alone, far from the demo district (so no other record is near it), with the given credit points. */
export async function givenShop(dataSource: DataSource, fields: Partial<Shop> = {}): Promise<Shop> {
  const name = fields.name ?? uniqueKey('测试商户');
  const creditPoints = fields.creditPoints ?? yearlyCreditPoints;
  const { identifiers } = await dataSource.manager.insert(ShopEntity, {
    name,
    licenceNo: uniqueKey('92330106T'),
    licenceStatus: 'valid',
    businessScope: '日用百货零售',
    responsiblePerson: '测试店主',
    phone: '13900000000',
    address: `测试路 ${name}`,
    lng: 100 + Math.random() * 10,
    lat: 20 + Math.random() * 5,
    gridCode: null,
    storefrontDuties: dutyTemplates.retail,
    createdAt: new Date(),
    ...fields,
    creditPoints,
    creditGrade: creditGradeOf(creditPoints),
  });
  return dataSource.manager.findOneByOrFail(ShopEntity, { id: Number(identifiers[0]!.id) });
}

const dmnFile = fileURLToPath(new URL('../../../../processes/enforcement-measure.dmn', import.meta.url));

/** Deploys processes/enforcement-measure.dmn as it is in the checkout, under a deployment name of the test's own. */
export async function deployEnforcementMeasure(engine: EngineClient): Promise<void> {
  await engine.deploy(uniqueKey('enforcement-measure-test'), [{ name: 'enforcement-measure.dmn', content: await readFile(dmnFile) }]);
}

/** A Beijing wall-clock time such as '2026-11-24T17:30' as an instant. */
export const bj = (local: string): Date => new Date(`${local}+08:00`);

/** A database of the test's own (a fresh MariaDB schema, or a SQLite file in the fallback), for work on every shop. */
export async function privateDatabase(): Promise<{ dataSource: DataSource; drop(): Promise<void> }> {
  const suiteUrl = inject('databaseUrl');
  if (!suiteUrl) {
    const dataSource = await openDatabase({ dataDir: path.join(inject('scratchDir'), uniqueKey('private')) });
    return { dataSource, drop: () => dataSource.destroy() };
  }
  const name = `lianqin_test_private_${process.pid}_${randomBytes(4).toString('hex')}`;
  await ensureDatabases(suiteUrl, [name]);
  const dataSource = await openDatabase({ databaseUrl: withDatabase(suiteUrl, name), dataDir: inject('scratchDir') });
  return {
    dataSource,
    async drop() {
      await dataSource.destroy();
      await dropDatabases(suiteUrl, [name]);
    },
  };
}
