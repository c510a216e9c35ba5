import type { DataSource, EntityManager } from 'typeorm';

const sqljsQueues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs fn in a transaction. sql.js has a single connection on which concurrent transactions would nest,
 * so on the embedded database transactions are queued one after another.
 */
export function inTransaction<T>(dataSource: DataSource, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (dataSource.options.type !== 'sqljs') return dataSource.transaction(fn);
  const previous = sqljsQueues.get(dataSource) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => dataSource.transaction(fn));
  sqljsQueues.set(dataSource, next);
  return next;
}
