/** A route is unit grid codes in walking order; these keep it without repeats as the coordinator edits it. */

/** Adds a grid at the end of the route, or takes it out when it is already on it. */
export function toggleGrid(route: readonly string[], code: string): string[] {
  return route.includes(code) ? route.filter((c) => c !== code) : [...route, code];
}

/** Moves the grid at `index` one place earlier (-1) or later (+1); the route is unchanged at either end. */
export function moveGrid(route: readonly string[], index: number, step: -1 | 1): string[] {
  const target = index + step;
  if (index < 0 || index >= route.length || target < 0 || target >= route.length) return [...route];
  const next = [...route];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
