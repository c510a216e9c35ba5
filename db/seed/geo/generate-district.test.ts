import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { districtCollectionSchema, gridTypes, haversineMeters, qingheDistrictFile, type DistrictFeature } from '../../../server/src/modules/grids/index.js';
import { formatDistrict, generateDistrict } from './generate-district.js';

interface Box {
  code: string;
  parentCode: string | null;
  west: number;
  south: number;
  east: number;
  north: number;
}

function boxOf(feature: DistrictFeature): Box {
  const ring = feature.geometry.coordinates[0]!;
  const lngs = ring.map(([lng]) => lng);
  const lats = ring.map(([, lat]) => lat);
  const { code, parentCode } = feature.properties;
  return { code, parentCode, west: Math.min(...lngs), south: Math.min(...lats), east: Math.max(...lngs), north: Math.max(...lats) };
}

const collection = generateDistrict();
const boxes = (level: DistrictFeature['properties']['level']) => collection.features.filter((f) => f.properties.level === level).map(boxOf);
const [district] = boxes('district');
const streets = boxes('street');
const communities = boxes('community');
const grids = boxes('grid');
const area = (b: Box) => (b.east - b.west) * (b.north - b.south);
const contains = (outer: Box, inner: Box) => inner.west >= outer.west && inner.east <= outer.east && inner.south >= outer.south && inner.north <= outer.north;

describe('generated district 青禾区', () => {
  it('is exactly the committed GeoJSON, which stays under 1 MB', async () => {
    const committed = await readFile(qingheDistrictFile, 'utf8');
    expect(committed).toBe(formatDistrict(collection));
    expect(districtCollectionSchema.parse(JSON.parse(committed))).toEqual(collection);
    expect((await stat(qingheDistrictFile)).size).toBeLessThan(1_000_000);
  });

  it('has 3 streets of 2 or 3 communities and a few hundred grids', () => {
    expect(streets).toHaveLength(3);
    for (const street of streets) expect(communities.filter((c) => c.parentCode === street.code).length).toBeGreaterThanOrEqual(2);
    for (const street of streets) expect(communities.filter((c) => c.parentCode === street.code).length).toBeLessThanOrEqual(3);
    expect(grids.length).toBeGreaterThanOrEqual(200);
    expect(grids.length).toBeLessThan(1000);
  });

  it('lies within lng 120.150–120.180 and lat 30.260–30.280', () => {
    expect(contains({ code: 'bounds', parentCode: null, west: 120.15, south: 30.26, east: 120.18, north: 30.28 }, district!)).toBe(true);
  });

  it('makes every grid about 100 m × 100 m', () => {
    for (const grid of grids) {
      const width = haversineMeters(grid.west, (grid.south + grid.north) / 2, grid.east, (grid.south + grid.north) / 2);
      const height = haversineMeters(grid.west, grid.south, grid.west, grid.north);
      expect(width, grid.code).toBeGreaterThan(95);
      expect(width, grid.code).toBeLessThan(105);
      expect(height, grid.code).toBeGreaterThan(95);
      expect(height, grid.code).toBeLessThan(105);
    }
  });

  it('puts every grid inside its community, every community inside its street and every street inside the district', () => {
    const byCode = new Map([...streets, ...communities, district!].map((b) => [b.code, b]));
    for (const box of [...grids, ...communities, ...streets]) {
      const parent = byCode.get(box.parentCode!);
      expect(parent, box.code).toBeDefined();
      expect(contains(parent!, box), box.code).toBe(true);
      expect(box.code.startsWith(`${box.parentCode}-`), box.code).toBe(true);
    }
    for (const grid of grids) expect(grid.code).toMatch(/^QH-\d{2}-\d{2}-\d{4}$/);
  });

  it('tiles each community with grids that never overlap', () => {
    const overlaps: string[] = [];
    for (let i = 0; i < grids.length; i++) {
      for (let j = i + 1; j < grids.length; j++) {
        const [a, b] = [grids[i]!, grids[j]!];
        if (a.west < b.east && b.west < a.east && a.south < b.north && b.south < a.north) overlaps.push(`${a.code} × ${b.code}`);
      }
    }
    expect(overlaps).toEqual([]);
    for (const community of communities) {
      const inside = grids.filter((g) => g.parentCode === community.code);
      expect(inside.reduce((sum, g) => sum + area(g), 0)).toBeCloseTo(area(community), 9);
    }
    expect(new Set(grids.map((g) => g.code)).size).toBe(grids.length);
  });

  it('uses every grid type and names an inspector for every grid', () => {
    const gridFeatures = collection.features.flatMap((f) => (f.properties.level === 'grid' ? [f.properties] : []));
    expect(new Set(gridFeatures.map((p) => p.gridType))).toEqual(new Set(gridTypes));
    expect(new Set(gridFeatures.map((p) => p.inspector))).toEqual(new Set(['wangge', 'wangge2', 'wangge3']));
  });
});
