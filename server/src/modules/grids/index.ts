import { defineModule } from '../module.js';
import { StreetEntity } from './street.entity.js';
import { CommunityEntity } from './community.entity.js';
import { UnitGridEntity } from './unit-grid.entity.js';
export { StreetEntity, type Street } from './street.entity.js';
export { CommunityEntity, type Community } from './community.entity.js';
export { UnitGridEntity, type UnitGrid } from './unit-grid.entity.js';
export { gridTypes, isGridType, type GridType } from './grid-types.js';
export { districtInspectors, type GridInspector } from './grid-inspectors.js';
export { haversineMeters, degreesAround, placeInPolygon, placeInRing, type Position, type PointPlacement } from './geo-math.js';
export {
  districtCollectionSchema,
  readDistrict,
  qingheDistrictFile,
  type DistrictCollection,
  type DistrictFeature,
  type DistrictFeatureProperties,
  type PolygonGeometry,
} from './district-geojson.js';
export { buildGridLocator, loadGridLocator, sharedGridLocator, type GridLocator, type GridLocation } from './grid-locator.js';
export { seedGeography, seedGridInspectors, geographyRows, type GeographySeeded } from './seed-geography.js';
export { gridDisplayName } from './grid-name.js';

/** Streets, communities and unit grids of the district. */
export const gridsModule = defineModule({ name: 'grids', entities: [StreetEntity, CommunityEntity, UnitGridEntity] });
