import { computed, shallowRef, type ComputedRef, type ShallowRef } from 'vue';
import type { Role, SessionUser } from '@contracts/auth';
import { fetchCurrentUser, postSignOut } from '../requests';

const user = shallowRef<SessionUser | null>(null);
let loaded: Promise<SessionUser | null> | undefined;

/** What useSession returns: the signed-in user shared by the whole app, and the ways to change it. */
export interface UseSessionReturn {
  /** The signed-in user, or null when nobody is signed in. */
  user: Readonly<ShallowRef<SessionUser | null>>;
  /** Whether somebody is signed in. */
  signedIn: ComputedRef<boolean>;
  /** Whether the user holds one of the roles; no roles given means any signed-in user. */
  hasAnyRole: (roles?: readonly Role[]) => boolean;
  /** Asks GET /api/auth/me once per page load; later calls return the same answer. */
  load: () => Promise<SessionUser | null>;
  /** Stores the user that just signed in, or whose account changed. */
  set: (next: SessionUser) => void;
  /** Forgets the user, e.g. after the server answered 401. */
  clear: () => void;
  /** Ends the session on the server (a failure there is ignored) and forgets the user. */
  signOut: () => Promise<void>;
}

/** The session store: one signed-in user for the whole app, loaded from GET /api/auth/me at start. */
export function useSession(): UseSessionReturn {
  return { user, signedIn, hasAnyRole, load, set, clear, signOut };
}

const signedIn = computed(() => user.value !== null);

function hasAnyRole(roles?: readonly Role[]): boolean {
  const current = user.value;
  if (!current) return false;
  return !roles || roles.length === 0 || roles.some((role) => current.roles.includes(role));
}

function load(): Promise<SessionUser | null> {
  loaded ??= fetchCurrentUser().then(
    (answer) => (user.value = answer.user),
    () => (user.value = null),
  );
  return loaded;
}

function set(next: SessionUser): void {
  loaded = Promise.resolve(next);
  user.value = next;
}

function clear(): void {
  loaded = Promise.resolve(null);
  user.value = null;
}

async function signOut(): Promise<void> {
  const wasSignedIn = user.value !== null;
  clear();
  if (wasSignedIn) await postSignOut().catch(() => undefined);
}
