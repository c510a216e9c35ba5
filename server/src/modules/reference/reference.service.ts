import type { DataSource } from 'typeorm';
import type { Config } from '../../config/index.js';
import type { ClientSettings, DistrictGeoJson, ReferenceData } from '../../contracts/reference.js';
import { categories } from '../categories/index.js';
import { DepartmentEntity } from '../departments/index.js';
import { readDistrict, StreetEntity, type DistrictCollection } from '../grids/index.js';

/** Categories, departments and streets, for the web app's filters and forms. */
export async function referenceData(dataSource: DataSource): Promise<ReferenceData> {
  const [departments, streets] = await Promise.all([
    dataSource.manager.find(DepartmentEntity, { order: { kind: 'ASC', code: 'ASC' } }),
    dataSource.manager.find(StreetEntity, { order: { code: 'ASC' } }),
  ]);
  return {
    categories: [...categories],
    departments: departments.map(({ code, nameZh, nameEn, kind }) => ({ code, nameZh, nameEn, kind })),
    streets: streets.map(({ code, name }) => ({ code, name })),
  };
}

/** The server settings the browser needs; nothing secret ever goes here. */
export function clientSettings(config: Config): ClientSettings {
  return { map: { tileUrl: config.MAP_TILE_URL ?? null, tileAttribution: config.MAP_TILE_ATTRIBUTION ?? null } };
}

let district: Promise<DistrictGeoJson> | undefined;

/** The district's streets, communities and unit grids as GeoJSON, without the inspectors' accounts. */
export function districtGeoJson(): Promise<DistrictGeoJson> {
  district ??= readDistrict().then(toView);
  district.catch(() => (district = undefined));
  return district;
}

function toView(collection: DistrictCollection): DistrictGeoJson {
  return {
    type: 'FeatureCollection',
    features: collection.features.map(({ properties: p, geometry }) => ({
      type: 'Feature',
      properties: { level: p.level, code: p.code, name: p.name, parentCode: p.parentCode, ...(p.level === 'grid' ? { gridType: p.gridType } : {}) },
      geometry,
    })),
  };
}
