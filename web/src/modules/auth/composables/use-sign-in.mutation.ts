import { getCurrentScope, onScopeDispose, ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import type { SessionUser } from '@contracts/auth';
import { errorMessageOf, fieldErrorsOf, type FieldErrors } from '@/api/api-errors';
import { postSignIn } from '../requests';
import { useSession } from './use-session';

/** What useSignInMutation returns. */
export interface UseSignInMutationReturn {
  /** Signs in and stores the user in the session; resolves to the user, or null when the server refused. */
  signIn: (credentials: { username: string; password: string }) => Promise<SessionUser | null>;
  /** Whether a sign-in is under way. */
  pending: Ref<boolean>;
  /** The message of the last failure (wrong password, throttled), or empty. */
  message: Ref<string>;
  /** The server's validation messages by field. */
  fieldErrors: ShallowRef<FieldErrors>;
}

/** POST /api/auth/login for the sign-in page; a request still running when the scope is disposed is aborted. */
export function useSignInMutation(): UseSignInMutationReturn {
  const session = useSession();
  const pending = ref(false);
  const message = ref('');
  const fieldErrors = shallowRef<FieldErrors>({});
  const controller = new AbortController();
  if (getCurrentScope()) onScopeDispose(() => controller.abort());

  async function signIn(credentials: { username: string; password: string }): Promise<SessionUser | null> {
    pending.value = true;
    message.value = '';
    fieldErrors.value = {};
    try {
      const { user } = await postSignIn(credentials, controller.signal);
      session.set(user);
      return user;
    } catch (error) {
      if (controller.signal.aborted) return null;
      fieldErrors.value = fieldErrorsOf(error);
      message.value = Object.keys(fieldErrors.value).length > 0 ? '' : errorMessageOf(error);
      return null;
    } finally {
      pending.value = false;
    }
  }

  return { signIn, pending, message, fieldErrors };
}
