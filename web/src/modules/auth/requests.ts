import type { SessionUser } from '@contracts/auth';
import { getJson, postJson } from '@/api/http';

/** What POST /api/auth/login answers. */
export interface SignInResponse {
  user: SessionUser;
  expiresAt: string;
}

/** GET /api/auth/me: the signed-in user; a 401 means nobody is signed in. */
export function fetchCurrentUser(signal?: AbortSignal): Promise<{ user: SessionUser }> {
  return getJson<{ user: SessionUser }>('/api/auth/me', { signal });
}

/** POST /api/auth/login: opens a session (an httpOnly cookie) for the user name and password. */
export function postSignIn(body: { username: string; password: string }, signal?: AbortSignal): Promise<SignInResponse> {
  return postJson<SignInResponse>('/api/auth/login', body, { signal });
}

/** POST /api/auth/logout: ends the current session. */
export function postSignOut(): Promise<void> {
  return postJson<void>('/api/auth/logout');
}

/** POST /api/auth/password: changes the signed-in user's password; the user's other sessions end. */
export function postChangePassword(body: { currentPassword: string; newPassword: string }, signal?: AbortSignal): Promise<void> {
  return postJson<void>('/api/auth/password', body, { signal });
}
