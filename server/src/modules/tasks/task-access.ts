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

/** Identity links of a task, as the engine lists them. */
export interface TaskLinks {
  assignee: string | null;
  links: Array<{ userId: string | null; groupId: string | null; type: string }>;
}

/**
 * Whether the user may see and work a task: its assignee, a candidate user, or in a candidate group.
 * An inspector named as candidate user sees only their own verifications, not every inspector's.
 */
export function mayWork(user: CurrentUser, task: TaskLinks): boolean {
  if (task.assignee === user.username) return true;
  const candidateUsers = task.links.filter((l) => l.type === 'candidate' && l.userId).map((l) => l.userId);
  if (candidateUsers.length) return candidateUsers.includes(user.username);
  const groups = taskGroupsOf(user);
  return task.links.some((l) => l.type === 'candidate' && l.groupId && groups.includes(l.groupId));
}
