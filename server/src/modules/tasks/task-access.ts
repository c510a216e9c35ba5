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

/** The engine query of every open case task a user works, soonest due first: the inbox, the stream and task access share it. */
export function inboxQuery(user: CurrentUser, extra: Omit<TaskQuery, 'orQueries'> = {}): TaskQuery {
  return { processDefinitionKey: caseProcessKey, ...extra, orQueries: [workableBy(user)] };
}

/** The process whose user tasks make the inbox. */
export const caseProcessKey = 'case-closed-loop';
