import { In, type EntityManager } from 'typeorm';
import { demoCrews } from './demo-crews.js';
import { SanitationCrewEntity, type SanitationCrew } from './sanitation-crew.entity.js';

/**
 * Inserts the demo crews that are missing; crews already there keep their status.
 * Idempotent, and safe when several processes seed at once.
 */
export async function seedCrews(manager: EntityManager, crews: readonly Omit<SanitationCrew, 'updatedAt'>[] = demoCrews): Promise<number> {
  const existing = new Set((await manager.find(SanitationCrewEntity, { select: { code: true }, where: { code: In(crews.map((c) => c.code)) } })).map((c) => c.code));
  const missing = crews.filter((crew) => !existing.has(crew.code)).map((crew) => ({ ...crew, updatedAt: new Date() }));
  // INSERT IGNORE / INSERT OR IGNORE: a concurrent seeder may have inserted the same crews meanwhile.
  if (missing.length) await manager.createQueryBuilder().insert().into(SanitationCrewEntity).values(missing).orIgnore().execute();
  return missing.length;
}
