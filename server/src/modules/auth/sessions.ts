import type { EntityManager } from 'typeorm';
import { UserSessionEntity } from './session.entity.js';

/**
 * Ends every session of an account in the caller's transaction and says how many there were. The users module calls
 * it (as its EndSessions) when an admin deactivates an account or resets its password: sessions are auth's to end.
 */
export async function endSessionsOf(manager: EntityManager, userId: number): Promise<number> {
  const sessions = await manager.countBy(UserSessionEntity, { userId });
  if (sessions > 0) await manager.delete(UserSessionEntity, { userId });
  return sessions;
}
