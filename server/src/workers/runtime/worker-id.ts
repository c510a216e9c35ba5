import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** A workerId unique to this process: the raw client's default is shared by every worker. */
export function uniqueWorkerId(name: string): string {
  return `${name}@${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
