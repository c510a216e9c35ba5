import type { SessionUser } from '../../contracts/auth.js';
import type { Role } from '../users/index.js';

/** The signed-in person as every route sees them. */
export type CurrentUser = SessionUser;

/** Roles that see every case and task of the city. */
export const citywideRoles: readonly Role[] = ['command-centre', 'supervisor', 'admin'];

export function hasRole(user: CurrentUser, ...roles: Role[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}

export function seesEverything(user: CurrentUser): boolean {
  return hasRole(user, ...citywideRoles);
}
