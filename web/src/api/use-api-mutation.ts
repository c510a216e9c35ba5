import { getCurrentScope, onScopeDispose, ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import { errorMessageOf, fieldErrorsOf, type FieldErrors } from './api-errors';

/** What useApiMutation returns. */
export interface UseApiMutationReturn<A, R> {
  /** Sends the request; resolves to the answer, or undefined when it failed (see `message` and `fieldErrors`). */
  mutate: (args: A) => Promise<R | undefined>;
  /** Whether the request is under way. */
  pending: Ref<boolean>;
  /** The server's message for a failure that belongs to no field (a conflict, say), or empty. */
  message: Ref<string>;
  /** The server's validation messages by field (details.issues under `body.`). */
  fieldErrors: ShallowRef<FieldErrors>;
  /** Forgets the last failure, e.g. when a dialog opens again. */
  reset: () => void;
}

/** Runs one write request of a form and keeps its failure in a shape forms can show; disposal aborts it. */
export function useApiMutation<A, R>(send: (args: A, signal: AbortSignal) => Promise<R>): UseApiMutationReturn<A, R> {
  const pending = ref(false);
  const message = ref('');
  const fieldErrors = shallowRef<FieldErrors>({});
  const controller = new AbortController();
  if (getCurrentScope()) onScopeDispose(() => controller.abort());

  function reset(): void {
    message.value = '';
    fieldErrors.value = {};
  }

  async function mutate(args: A): Promise<R | undefined> {
    pending.value = true;
    reset();
    try {
      return await send(args, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      fieldErrors.value = fieldErrorsOf(error);
      if (Object.keys(fieldErrors.value).length === 0) message.value = errorMessageOf(error);
      return undefined;
    } finally {
      pending.value = false;
    }
  }

  return { mutate, pending, message, fieldErrors, reset };
}
