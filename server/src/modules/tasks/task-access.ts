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
