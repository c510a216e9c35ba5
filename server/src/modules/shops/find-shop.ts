import type { EntityManager } from 'typeorm';
import { degreesAround, haversineMeters } from '../grids/index.js';
import { ShopEntity, type Shop } from './shop.entity.js';

/** A shop with its distance from the point asked about. */
export type ShopNearby = Shop & { distanceM: number };

/** The shop nearest to a point within radiusM metres (ties by id), e.g. to tie a 店外经营 report to a shop file. */
export async function findShopAt(manager: EntityManager, lng: number, lat: number, radiusM = 30): Promise<ShopNearby | undefined> {
  const { dLng, dLat } = degreesAround(lat, radiusM * 1.01);
  const candidates = await manager
    .createQueryBuilder(ShopEntity, 'shop')
    .where('shop.lat BETWEEN :south AND :north', { south: lat - dLat, north: lat + dLat })
    .andWhere('shop.lng BETWEEN :west AND :east', { west: lng - dLng, east: lng + dLng })
    .getMany();
  return candidates
    .map((shop) => ({ ...shop, distanceM: haversineMeters(lng, lat, shop.lng, shop.lat) }))
    .filter((shop) => shop.distanceM <= radiusM)
    .sort((a, b) => a.distanceM - b.distanceM || a.id - b.id)[0];
}
