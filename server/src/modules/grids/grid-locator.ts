import RBush from 'rbush';
import type { EntityManager } from 'typeorm';
import { CommunityEntity, type Community } from './community.entity.js';
import { placeInPolygon, type Position } from './geo-math.js';
import type { GridType } from './grid-types.js';
import { StreetEntity, type Street } from './street.entity.js';
import { UnitGridEntity, type UnitGrid } from './unit-grid.entity.js';

/** Where a point lies: its unit grid, community, street and responsible inspector. */
export interface GridLocation {
  gridCode: string;
  gridType: GridType;
  communityCode: string;
  communityName: string;
  streetCode: string;
  streetName: string;
  inspector: string;
}

/** Finds the unit grid of a point in memory. */
export interface GridLocator {
  /** How many grids the locator holds. */
  readonly size: number;
  /**
   * The location of a point, or undefined outside every grid. A point on an edge shared by several grids
   * belongs to the one whose code sorts first.
   */
  locate(lng: number, lat: number): GridLocation | undefined;
}

interface IndexedGrid {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  code: string;
  rings: Position[][];
  location: GridLocation;
}

/** Builds a locator from grid rows: an R-tree on their bounding boxes, then an exact point-in-polygon check. */
export function buildGridLocator(grids: readonly UnitGrid[], streets: readonly Street[], communities: readonly Community[]): GridLocator {
  const streetNames = new Map(streets.map((s) => [s.code, s.name]));
  const communityNames = new Map(communities.map((c) => [c.code, c.name]));
  const tree = new RBush<IndexedGrid>();
  tree.load(
    grids.map((grid) => ({
      minX: grid.minLng,
      minY: grid.minLat,
      maxX: grid.maxLng,
      maxY: grid.maxLat,
      code: grid.code,
      rings: polygonRings(grid),
      location: {
        gridCode: grid.code,
        gridType: grid.gridType,
        communityCode: grid.communityCode,
        communityName: communityNames.get(grid.communityCode) ?? '',
        streetCode: grid.streetCode,
        streetName: streetNames.get(grid.streetCode) ?? '',
        inspector: grid.inspector,
      },
    })),
  );
  return {
    size: grids.length,
    locate(lng, lat) {
      if (!Number.isFinite(lng) || !Number.isFinite(lat)) return undefined;
      let found: IndexedGrid | undefined;
      for (const candidate of tree.search({ minX: lng, minY: lat, maxX: lng, maxY: lat })) {
        if (found && found.code < candidate.code) continue;
        if (placeInPolygon(lng, lat, candidate.rings) !== 'outside') found = candidate;
      }
      return found && { ...found.location };
    },
  };
}

/** Loads every unit grid with its street and community names into a new locator. */
export async function loadGridLocator(manager: EntityManager): Promise<GridLocator> {
  const [grids, streets, communities] = await Promise.all([manager.find(UnitGridEntity), manager.find(StreetEntity), manager.find(CommunityEntity)]);
  return buildGridLocator(grids, streets, communities);
}

function polygonRings(grid: UnitGrid): Position[][] {
  const geometry = JSON.parse(grid.geometry) as { type?: string; coordinates?: Position[][] };
  if (geometry.type !== 'Polygon' || !Array.isArray(geometry.coordinates)) throw new Error(`Unit grid ${grid.code} has no GeoJSON Polygon geometry`);
  return geometry.coordinates;
}

const shared = new WeakMap<EntityManager, Promise<GridLocator>>();

/**
 * The grid index of a database, loaded on first use and shared by the API and the workers of one process.
 * A failed load is forgotten, so the next call tries again.
 */
export function sharedGridLocator(manager: EntityManager): Promise<GridLocator> {
  let locator = shared.get(manager);
  if (!locator) {
    locator = loadGridLocator(manager);
    locator.catch(() => shared.delete(manager));
    shared.set(manager, locator);
  }
  return locator;
}
