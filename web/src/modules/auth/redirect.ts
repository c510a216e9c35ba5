import type { LocationQueryValue } from 'vue-router';

/** Where the app goes after signing in when no page was asked for. */
export const homePath = '/inbox';

/** The `redirect` query value when it is a path inside the app, otherwise the home page; stops open redirects. */
export function redirectTarget(value: LocationQueryValue | LocationQueryValue[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/login') ? path : homePath;
}
