import { commonHandlers } from './common/index.js';
import type { TopicHandler } from './runtime/index.js';

/** The handlers of each worker group; a group can run in its own process (npm run worker -- --department X). */
export const workerGroups: Record<string, TopicHandler[]> = {
  common: commonHandlers,
};

/** Handlers of the chosen groups ("all" for every group); unknown names are an error that lists the known ones. */
export function handlersOf(groups: readonly string[]): TopicHandler[] {
  const names = groups.includes('all') ? Object.keys(workerGroups) : groups;
  const unknown = names.filter((n) => !(n in workerGroups));
  if (unknown.length) throw new Error(`Unknown worker department(s): ${unknown.join(', ')}. Known: ${Object.keys(workerGroups).join(', ')}, all`);
  return names.flatMap((n) => workerGroups[n] ?? []);
}
