import type { EntityManager } from 'typeorm';
import { haversineMeters } from '../grids/index.js';
import { SanitationCrewEntity, type SanitationCrew } from './sanitation-crew.entity.js';

/** A crew with its distance from the point asked about. */
export type CrewNearby = SanitationCrew & { distanceM: number };

/** The crews available now, nearest to a point first (ties by code): the order in which a case there tries to take one. */
export async function availableCrewsByDistance(manager: EntityManager, lng: number, lat: number): Promise<CrewNearby[]> {
  const crews = await manager.findBy(SanitationCrewEntity, { status: 'available' });
  return crews
    .map((crew) => ({ ...crew, distanceM: haversineMeters(lng, lat, crew.lng, crew.lat) }))
    .sort((a, b) => a.distanceM - b.distanceM || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The available crew nearest to a point (ties by code), to send to garbage or a dirty road there; undefined when none is available. */
export async function nearestAvailableCrew(manager: EntityManager, lng: number, lat: number): Promise<CrewNearby | undefined> {
  return (await availableCrewsByDistance(manager, lng, lat))[0];
}
