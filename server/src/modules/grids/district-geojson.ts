import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { gridTypes } from './grid-types.js';

const position = z.tuple([z.number(), z.number()]);
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position).min(4)).min(1) });
const named = { code: z.string().min(1), name: z.string().min(1) };

const properties = z.discriminatedUnion('level', [
  z.object({ level: z.literal('district'), ...named, parentCode: z.null() }),
  z.object({ level: z.literal('street'), ...named, parentCode: z.string() }),
  z.object({ level: z.literal('community'), ...named, parentCode: z.string() }),
  z.object({ level: z.literal('grid'), ...named, parentCode: z.string(), gridType: z.enum(gridTypes), inspector: z.string().min(1) }),
]);

const feature = z.object({ type: z.literal('Feature'), properties, geometry: polygon });

/** The district's geography as a GeoJSON FeatureCollection: one feature per district, street, community and unit grid. */
export const districtCollectionSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) });

export type DistrictCollection = z.infer<typeof districtCollectionSchema>;
export type DistrictFeature = DistrictCollection['features'][number];
export type DistrictFeatureProperties = DistrictFeature['properties'];
export type PolygonGeometry = DistrictFeature['geometry'];

/** The committed geography of the demo district 青禾区, written by db/seed/geo/generate-district.ts. */
export const qingheDistrictFile = fileURLToPath(new URL('../../../../db/seed/geo/qinghe-district.geojson', import.meta.url));

/** Reads and validates a district GeoJSON file. */
export async function readDistrict(file: string = qingheDistrictFile): Promise<DistrictCollection> {
  return districtCollectionSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}
