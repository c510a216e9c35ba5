import { ref, type Ref } from 'vue';

/** What a mutation composable returns: the call itself and whether it is under way. */
export interface UseMutationReturn<Args extends unknown[], Result> {
  /** Sends the request; rejects with the ApiError of a failed answer, for the caller to show. */
  run: (...args: Args) => Promise<Result>;
  /** Whether a call is under way, to disable the button that started it. */
  pending: Ref<boolean>;
}

/** Wraps one request builder so that a component can show that it is running. */
export function useMutation<Args extends unknown[], Result>(request: (...args: Args) => Promise<Result>): UseMutationReturn<Args, Result> {
  const pending = ref(false);
  async function run(...args: Args): Promise<Result> {
    pending.value = true;
    try {
      return await request(...args);
    } finally {
      pending.value = false;
    }
  }
  return { run, pending };
}
