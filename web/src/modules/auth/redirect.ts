import type { LocationQueryValue } from 'vue-router';
import type { Role } from '@contracts/auth';

/** The path `/` stands for: the guard sends it on to the signed-in user's home page (see homePathFor). */
export const homePath = '/';

/** The home page of users whose roles name none of their own: the inbox, where every process's tasks arrive. */
export const defaultHomePath = '/inbox';

/** The home page of a role that works somewhere other than the inbox, first match wins. */
const homeByRole: ReadonlyArray<readonly [Role, string]> = [
  ['coordinator', '/operations'],
  ['designer', '/designer'],
];

/**
 * Where a user lands after signing in and on `/`: coordinators in their console, designers in the designer, everybody
 * else in the inbox. `exists` says whether the app has a page at a path; a missing one falls back to the inbox.
 */
export function homePathFor(roles: readonly Role[], exists: (path: string) => boolean = () => true): string {
  const path = homeByRole.find(([role]) => roles.includes(role))?.[1];
  return path && exists(path) ? path : defaultHomePath;
}

/** The `redirect` query value when it is a path inside the app, otherwise `/` (the user's home); stops open redirects. */
export function redirectTarget(value: LocationQueryValue | LocationQueryValue[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/login') ? path : homePath;
}
