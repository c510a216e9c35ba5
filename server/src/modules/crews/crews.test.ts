import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource, uniqueKey } from '../../../../test/support/test-env.js';
import { inTransaction } from '../../db/index.js';
import { haversineMeters } from '../grids/index.js';
import { SanitationCrewEntity, demoCrews, nearestAvailableCrew, seedCrews, type CrewStatus } from './index.js';

let dataSource: DataSource;
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
