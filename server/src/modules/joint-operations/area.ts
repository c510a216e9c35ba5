import { In, type EntityManager } from 'typeorm';
import { UnitGridEntity } from '../grids/index.js';
import { OperationGridEntity } from './operation.entity.js';

/** The area of an operation: its unit grids and the centre of their bounding boxes. */
export interface OperationArea {
  gridCodes: string[];
  centre: { lng: number; lat: number } | null;
}

/** Reads an operation's area; the centre is where a crew is sent to clean up after it. */
export async function operationArea(manager: EntityManager, operationId: number): Promise<OperationArea> {
  const gridCodes = (await manager.find(OperationGridEntity, { where: { operationId }, order: { gridCode: 'ASC' } })).map((g) => g.gridCode);
  const grids = gridCodes.length ? await manager.findBy(UnitGridEntity, { code: In(gridCodes) }) : [];
  if (grids.length === 0) return { gridCodes, centre: null };
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return { gridCodes, centre: { lng: mean(grids.map((g) => (g.minLng + g.maxLng) / 2)), lat: mean(grids.map((g) => (g.minLat + g.maxLat) / 2)) } };
}
