import type { EntityManager } from 'typeorm';
import { haversineMeters } from '../grids/index.js';
import { SanitationCrewEntity, type SanitationCrew } from './sanitation-crew.entity.js';

/** A crew with its distance from the point asked about. */
export type CrewNearby = SanitationCrew & { distanceM: number };

/** The available crew nearest to a point (ties by code), to send to garbage or a dirty road there; undefined when none is available. */
export async function nearestAvailableCrew(manager: EntityManager, lng: number, lat: number): Promise<CrewNearby | undefined> {
  const crews = await manager.findBy(SanitationCrewEntity, { status: 'available' });
  return crews
    .map((crew) => ({ ...crew, distanceM: haversineMeters(lng, lat, crew.lng, crew.lat) }))
    .sort((a, b) => a.distanceM - b.distanceM || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))[0];
}
