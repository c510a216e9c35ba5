import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import { inTransaction } from '../../db/index.js';
import { CommunityEntity, StreetEntity, UnitGridEntity, buildGridLocator, loadGridLocator, seedGeography, type GridLocator, type UnitGrid } from './index.js';

let dataSource: DataSource;
let locator: GridLocator;
let grids: UnitGrid[];

beforeAll(async () => {
  dataSource = await testDataSource();
  await inTransaction(dataSource, (manager) => seedGeography(manager));
  locator = await loadGridLocator(dataSource.manager);
  grids = await dataSource.manager.find(UnitGridEntity, { order: { code: 'ASC' } });
});

afterAll(async () => {
  await dataSource?.destroy();
});

/** The reference answer: every grid whose closed rectangle holds the point, the first code wins. */
function bruteForce(lng: number, lat: number): string | undefined {
  return grids.find((g) => lng >= g.minLng && lng <= g.maxLng && lat >= g.minLat && lat <= g.maxLat)?.code;
}

/** A small deterministic PRNG (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('grid locator', () => {
  it('locates a point of 柳塘农贸市场 in its grid, community and street', () => {
    expect(locator.locate(120.164, 30.265)).toEqual({
      gridCode: 'QH-02-01-0049',
      gridType: 'market',
      communityCode: 'QH-02-01',
      communityName: '柳塘新村社区',
      streetCode: 'QH-02',
      streetName: '柳塘街道',
      inspector: 'wangge2',
    });
  });

  it.each([
    ['west of the district', 120.1, 30.27],
    ['north of the district', 120.165, 30.29],
    ['just beyond its south-west corner', 120.1499999, 30.2599999],
    ['at no real place', Number.NaN, 30.27],
  ])('answers undefined for a point %s', (_, lng, lat) => {
    expect(locator.locate(lng, lat)).toBeUndefined();
  });

  it('gives a point on an edge shared by two streets to the grid whose code sorts first, whatever the load order', async () => {
    // given the boundary of 禾丰街道 and 柳塘街道 at lng 120.1604
    const reversed = buildGridLocator([...grids].reverse(), await dataSource.manager.find(StreetEntity), await dataSource.manager.find(CommunityEntity));

    // when a point on it is located by both locators
    const first = locator.locate(120.1604, 30.26495);
    const second = reversed.locate(120.1604, 30.26495);

    // then both answer the western grid, of 禾丰街道
    expect(first?.streetCode).toBe('QH-01');
    expect(first?.gridCode).toBe(bruteForce(120.1604, 30.26495));
    expect(second).toEqual(first);
  });

  it('gives the corner shared by four grids to the one whose code sorts first', () => {
    const grid = grids.find((g) => g.code === 'QH-02-01-0049')!;
    const corner = locator.locate(grid.maxLng, grid.maxLat);
    expect(corner?.gridCode).toBe('QH-02-01-0040');
    expect(corner?.gridCode).toBe(bruteForce(grid.maxLng, grid.maxLat));
  });

  it('finds a point on the outer edge of the district', () => {
    expect(locator.locate(120.15, 30.27)?.streetCode).toBe('QH-01');
  });

  it('agrees with brute force on 10,000 random points, a tenth of them on grid edges', () => {
    const next = random(20_260_101);
    const edgesLng = [...new Set(grids.flatMap((g) => [g.minLng, g.maxLng]))];
    const edgesLat = [...new Set(grids.flatMap((g) => [g.minLat, g.maxLat]))];
    const pick = <T>(values: T[]) => values[Math.floor(next() * values.length)]!;
    let inside = 0;
    const disagreements: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      let lng = 120.148 + next() * 0.034;
      let lat = 30.258 + next() * 0.024;
      if (i % 10 === 0) lng = pick(edgesLng);
      if (i % 20 === 0) lat = pick(edgesLat);
      const expected = bruteForce(lng, lat);
      const actual = locator.locate(lng, lat)?.gridCode;
      if (actual !== expected) disagreements.push(`${lng},${lat}: ${actual} instead of ${expected}`);
      if (expected) inside++;
    }
    expect(disagreements).toEqual([]);
    expect(locator.size).toBe(grids.length);
    expect(inside).toBeGreaterThan(5_000);
  });

  it('seeds the geography only once', async () => {
    const again = await inTransaction(dataSource, (manager) => seedGeography(manager));
    expect(again).toEqual({ streets: 0, communities: 0, grids: 0 });
    expect(await dataSource.manager.countBy(UnitGridEntity, { code: 'QH-03-03-0044' })).toBe(1);
  });
});
