import type { TaskQuery } from '../../engine/index.js';
import type { CurrentUser } from '../auth/index.js';

/** The candidate groups whose tasks a user works: a liaison's department, or the unit of the role. */
export function taskGroupsOf(user: CurrentUser): string[] {
  const groups = new Set<string>();
  for (const role of user.roles) {
    if (role === 'liaison' && user.departmentCode) groups.add(user.departmentCode);
    if (role === 'command-centre') groups.add('command-centre');
    if (role === 'supervisor') groups.add('supervision');
    if (role === 'inspector') groups.add('grid-inspection');
    if (role === 'hotline-operator') groups.add('hotline');
    if (role === 'coordinator') groups.add('coordination');
  }
  return [...groups];
}

/**
 * The tasks a user works, as one or-query (its criteria are OR'ed): candidate groups of the role, or the user as
 * candidate or assignee. An inspector named as candidate user sees only their own verifications.
 */
export function workableBy(user: CurrentUser): NonNullable<TaskQuery['orQueries']>[number] {
  const groups = taskGroupsOf(user);
  return { ...(groups.length ? { candidateGroups: groups } : {}), candidateUser: user.username, assignee: user.username, includeAssignedTasks: true };
}

/**
 * The engine query of every open task a user works in the processes the inbox lists (those with a presenter): the
 * inbox, the stream, task access and the diagram share it.
 */
export function inboxQuery(user: CurrentUser, processKeys: readonly string[], extra: Omit<TaskQuery, 'orQueries'> = {}): TaskQuery {
  return { processDefinitionKeyIn: [...processKeys], ...extra, orQueries: [workableBy(user)] };
}
