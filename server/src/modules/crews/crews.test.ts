import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testDataSource, uniqueKey } from '../../../../test/support/test-env.js';
import { inTransaction } from '../../db/index.js';
import { haversineMeters } from '../grids/index.js';
import { SanitationCrewEntity, availableCrewsByDistance, demoCrews, nearestAvailableCrew, seedCrews, takeCrew, type CrewStatus } from './index.js';

let dataSource: DataSource;
/** Row locks are MySQL/MariaDB's; the embedded SQLite runs one transaction at a time. */
const onMysql = inject('databaseUrl') !== '';
const ownCrews: string[] = [];

beforeAll(async () => {
  dataSource = await testDataSource();
  await inTransaction(dataSource, (manager) => seedCrews(manager));
});

afterAll(async () => {
  if (ownCrews.length) await dataSource?.manager.delete(SanitationCrewEntity, ownCrews);
  await dataSource?.destroy();
});

/** A spot of this test alone, far from the district and from other runs. */
const spot = () => ({ lng: 100 + Math.random() * 10, lat: 20 + Math.random() * 5 });

async function crewAt(lng: number, lat: number, status: CrewStatus): Promise<string> {
  const code = uniqueKey('crew');
  await dataSource.manager.insert(SanitationCrewEntity, { code, name: `测试班组 ${code}`, leader: '测试', phone: '0', lng, lat, streetCode: 'QH-01', status, updatedAt: new Date() });
  ownCrews.push(code);
  return code;
}

describe('nearestAvailableCrew', () => {
  it('skips a busy crew and one off shift for an available one further away', async () => {
    // given a busy crew on the spot, one off shift 100 m away and an available one 500 m away
    const { lng, lat } = spot();
    await crewAt(lng, lat, 'busy');
    await crewAt(lng, lat + 0.0009, 'off');
    const available = await crewAt(lng, lat + 0.0045, 'available');

    // when the nearest available crew is asked for
    const nearest = await nearestAvailableCrew(dataSource.manager, lng, lat);

    // then it is the available one
    expect(nearest?.code).toBe(available);
    expect(nearest?.distanceM).toBeCloseTo(500, -1);
  });

  it('breaks a tie of distance by code', async () => {
    const { lng, lat } = spot();
    const codes = [await crewAt(lng, lat, 'available'), await crewAt(lng, lat, 'available')].sort();
    expect((await nearestAvailableCrew(dataSource.manager, lng, lat))?.code).toBe(codes[0]);
  });

  it('answers the nearest available demo crew inside the district', async () => {
    const [lng, lat] = [120.165, 30.27];
    const available = await dataSource.manager.findBy(SanitationCrewEntity, { status: 'available' });
    const expected = available.map((c) => ({ code: c.code, d: haversineMeters(lng, lat, c.lng, c.lat) })).sort((a, b) => a.d - b.d)[0];
    expect((await nearestAvailableCrew(dataSource.manager, lng, lat))?.code).toBe(expected?.code);
  });

  it('seeds the eight demo crews once, spread over the three streets', async () => {
    expect(await inTransaction(dataSource, (manager) => seedCrews(manager))).toBe(0);
    const crews = await dataSource.manager.findBy(SanitationCrewEntity, { streetCode: 'QH-01' });
    expect(crews.filter((c) => c.code.startsWith('HW-'))).toHaveLength(3);
    expect(new Set(demoCrews.map((c) => c.streetCode))).toEqual(new Set(['QH-01', 'QH-02', 'QH-03']));
    expect(demoCrews.filter((c) => c.status === 'busy')).toHaveLength(1);
  });
});

describe('availableCrewsByDistance', () => {
  it('lists only available crews, nearest first', async () => {
    // given
    const { lng, lat } = spot();
    const far = await crewAt(lng, lat + 0.009, 'available');
    await crewAt(lng, lat + 0.0045, 'busy');
    const near = await crewAt(lng, lat + 0.0009, 'available');

    // when
    const crews = (await availableCrewsByDistance(dataSource.manager, lng, lat)).filter((c) => ownCrews.includes(c.code));

    // then
    expect(crews.map((c) => c.code).slice(0, 2)).toEqual([near, far]);
  });
});

describe('takeCrew', () => {
  const statusOf = async (code: string) => (await dataSource.manager.findOneByOrFail(SanitationCrewEntity, { code })).status;

  it('marks an available crew busy, and a second take of it fails', async () => {
    // given
    const { lng, lat } = spot();
    const code = await crewAt(lng, lat, 'available');

    // when
    const first = await inTransaction(dataSource, (m) => takeCrew(m, code, new Date()));
    const second = await inTransaction(dataSource, (m) => takeCrew(m, code, new Date()));

    // then
    expect([first, second]).toEqual([true, false]);
    expect(await statusOf(code)).toBe('busy');
  });

  it.runIf(onMysql)('passes over, without waiting, a crew that another assignment is taking right now', async () => {
    // given a transaction that has taken the crew and not yet committed
    const { lng, lat } = spot();
    const code = await crewAt(lng, lat, 'available');
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      expect(await takeCrew(holder.manager, code, new Date())).toBe(true);

      // when another case tries the same crew
      const started = Date.now();
      const competitor = await inTransaction(dataSource, (m) => takeCrew(m, code, new Date()));

      // then it is told at once that the crew is not to be had
      expect(competitor).toBe(false);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await holder.commitTransaction();
      await holder.release();
    }
    expect(await statusOf(code)).toBe('busy');
  });
});
