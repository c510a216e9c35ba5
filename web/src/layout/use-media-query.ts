import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue';

/** Whether a CSS media query matches, kept up to date until the calling scope is disposed. */
export function useMediaQuery(query: string): Readonly<Ref<boolean>> {
  const list = window.matchMedia(query);
  const matches = ref(list.matches);
  const update = (event: MediaQueryListEvent): void => {
    matches.value = event.matches;
  };
  list.addEventListener('change', update);
  if (getCurrentScope()) onScopeDispose(() => list.removeEventListener('change', update));
  return matches;
}
