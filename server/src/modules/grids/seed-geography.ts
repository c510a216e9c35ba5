import { In, type EntityManager, type EntityTarget, type FindOptionsSelect, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { createUserIfMissing } from '../users/index.js';
import { CommunityEntity, type Community } from './community.entity.js';
import { readDistrict, type DistrictCollection } from './district-geojson.js';
import { districtInspectors } from './grid-inspectors.js';
import { StreetEntity, type Street } from './street.entity.js';
import { UnitGridEntity, type UnitGrid } from './unit-grid.entity.js';

/** How many rows of each level a seed run inserted. */
export interface GeographySeeded {
  streets: number;
  communities: number;
  grids: number;
}

/**
 * Inserts the streets, communities and unit grids of a district GeoJSON (by default the committed 青禾区) that are missing.
 * Idempotent, and safe when several processes seed the same database at once.
 */
export async function seedGeography(manager: EntityManager, collection?: DistrictCollection): Promise<GeographySeeded> {
  const { streets, communities, grids } = geographyRows(collection ?? (await readDistrict()));
  return {
    streets: await insertMissing(manager, StreetEntity, streets),
    communities: await insertMissing(manager, CommunityEntity, communities),
    grids: await insertMissing(manager, UnitGridEntity, grids),
  };
}

/** Creates the extra grid inspector accounts that the district's grids name; returns how many were created. */
export async function seedGridInspectors(manager: EntityManager, password: string): Promise<number> {
  let created = 0;
  for (const inspector of districtInspectors) {
    if (await createUserIfMissing(manager, { ...inspector, departmentCode: 'grid-inspection', roles: ['inspector'] }, password)) created++;
  }
  return created;
}

/** Turns the features of a district collection into table rows; the district feature itself has no table. */
export function geographyRows(collection: DistrictCollection): { streets: Street[]; communities: Community[]; grids: UnitGrid[] } {
  const streets: Street[] = [];
  const communities: Community[] = [];
  const grids: UnitGrid[] = [];
  const streetOf = new Map<string, string>();
  for (const { properties: p, geometry } of collection.features) {
    if (p.level === 'street') streets.push({ code: p.code, name: p.name });
    if (p.level === 'community') {
      communities.push({ code: p.code, streetCode: p.parentCode, name: p.name });
      streetOf.set(p.code, p.parentCode);
    }
    if (p.level === 'grid') {
      const positions = geometry.coordinates.flat();
      const lngs = positions.map(([lng]) => lng);
      const lats = positions.map(([, lat]) => lat);
      grids.push({
        code: p.code,
        communityCode: p.parentCode,
        streetCode: '',
        gridType: p.gridType,
        inspector: p.inspector,
        minLng: Math.min(...lngs),
        minLat: Math.min(...lats),
        maxLng: Math.max(...lngs),
        maxLat: Math.max(...lats),
        geometry: JSON.stringify(geometry),
      });
    }
  }
  for (const grid of grids) {
    const streetCode = streetOf.get(grid.communityCode);
    if (!streetCode) throw new Error(`Unit grid ${grid.code} names an unknown community ${grid.communityCode}`);
    grid.streetCode = streetCode;
  }
  return { streets, communities, grids };
}

async function insertMissing<T extends ObjectLiteral & { code: string }>(manager: EntityManager, entity: EntityTarget<T>, rows: T[]): Promise<number> {
  const existing = new Set<string>();
  for (let i = 0; i < rows.length; i += 500) {
    const codes = rows.slice(i, i + 500).map((row) => row.code);
    const found = await manager.find(entity, { select: { code: true } as FindOptionsSelect<T>, where: { code: In(codes) } as FindOptionsWhere<T> });
    for (const row of found) existing.add(row.code);
  }
  const missing = rows.filter((row) => !existing.has(row.code));
  // INSERT IGNORE / INSERT OR IGNORE: a concurrent seeder may have inserted the same codes meanwhile.
  for (let i = 0; i < missing.length; i += 100) {
    await manager.createQueryBuilder().insert().into(entity).values(missing.slice(i, i + 100) as QueryDeepPartialEntity<T>[]).orIgnore().execute();
  }
  return missing.length;
}
