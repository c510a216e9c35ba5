import type { EntityManager } from 'typeorm';
import { SanitationCrewEntity } from './sanitation-crew.entity.js';

/**
 * Marks a crew busy if it is still available, in the caller's transaction; false when another case has it or is
 * taking it right now. On MySQL/MariaDB a crew row locked by a concurrent, uncommitted assignment is skipped rather
 * than waited for: no lock waits, and no deadlock between cases that try the same crews in different orders.
 */
export async function takeCrew(manager: EntityManager, code: string, at: Date): Promise<boolean> {
  if (manager.connection.options.type === 'mysql') {
    const free = await manager
      .createQueryBuilder(SanitationCrewEntity, 'c')
      .select('c.code')
      .where('c.code = :code AND c.status = :status', { code, status: 'available' })
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
    if (!free) return false;
  }
  // Only an available crew may be taken: a concurrent assignment that got it first leaves nothing to update.
  const { affected } = await manager.update(SanitationCrewEntity, { code, status: 'available' }, { status: 'busy', updatedAt: at });
  return affected === 1;
}
