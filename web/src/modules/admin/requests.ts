import type { Role } from '@contracts/auth';
import type { CreateUserBody, ResetPasswordBody, UpdateUserBody, UserView } from '@contracts/users';
import { patchJson, postJson, queryString } from '@/api/http';

/** Filters of GET /api/users; empty strings mean "any". */
export interface UserFilters {
  q: string;
  departmentCode: string;
  role: Role | '';
  active: '' | 'true' | 'false';
}

/** Filters and page of GET /api/audit; empty strings mean "any", `from`/`to` are ISO instants. */
export interface AuditQuery {
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  from: string;
  to: string;
  page: number;
  pageSize: number;
}

/** The URL of GET /api/users: the accounts matching the filters. */
export function usersPath(filters: UserFilters): string {
  return `/api/users${queryString({ ...filters })}`;
}

/** POST /api/users: creates an account; 409 when the user name is taken. */
export function postUser(body: CreateUserBody, signal?: AbortSignal): Promise<UserView> {
  return postJson<UserView>('/api/users', body, { signal });
}

/** PATCH /api/users/:id: changes the fields sent; 409 when admins would lock themselves out. */
export function patchUser(id: number, body: UpdateUserBody, signal?: AbortSignal): Promise<UserView> {
  return patchJson<UserView>(`/api/users/${id}`, body, { signal });
}

/** POST /api/users/:id/password: sets a new password; the user's sessions end. */
export function postUserPassword(id: number, body: ResetPasswordBody, signal?: AbortSignal): Promise<void> {
  return postJson<void>(`/api/users/${id}/password`, body, { signal });
}

/** The URL of GET /api/audit: one page of audit records, newest first. */
export function auditPath(query: AuditQuery): string {
  return `/api/audit${queryString({ ...query })}`;
}
