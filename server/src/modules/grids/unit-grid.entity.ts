import { EntitySchema } from 'typeorm';
import type { GridType } from './grid-types.js';

/** A unit grid (单元网格) of about 100 m × 100 m: its bounding box, its GeoJSON outline and its responsible inspector. */
export interface UnitGrid {
  code: string;
  communityCode: string;
  streetCode: string;
  gridType: GridType;
  /** Username of the responsible grid inspector (网格员). */
  inspector: string;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
  /** GeoJSON Polygon geometry, as text. */
  geometry: string;
}

export const UnitGridEntity = new EntitySchema<UnitGrid>({
  name: 'UnitGrid',
  tableName: 'unit_grid',
  columns: {
    code: { type: 'varchar', length: 32, primary: true },
    communityCode: { name: 'community_code', type: 'varchar', length: 32 },
    streetCode: { name: 'street_code', type: 'varchar', length: 32 },
    gridType: { name: 'grid_type', type: 'varchar', length: 16 },
    inspector: { type: 'varchar', length: 64 },
    minLng: { name: 'min_lng', type: 'double' },
    minLat: { name: 'min_lat', type: 'double' },
    maxLng: { name: 'max_lng', type: 'double' },
    maxLat: { name: 'max_lat', type: 'double' },
    geometry: { type: 'text' },
  },
});
