import type { Express } from 'express';

/** One route the app answers: its method and full path, as in `GET /api/cases/:caseNo`. */
export interface RouteInfo {
  method: string;
  path: string;
}

/** The parts of an Express 5 router layer (router 2.x) that the listing reads. */
interface StackLayer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: StackLayer[] };
}

/** Every route registered on the app whose full path starts with the prefix, walking mounted routers; sorted. */
export function listRoutes(app: Express, prefix = '/api'): RouteInfo[] {
  const stack = (app as unknown as { router: { stack: StackLayer[] } }).router.stack;
  const routes = walk(stack, '').filter((r) => r.path === prefix || r.path.startsWith(`${prefix}/`));
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function walk(stack: StackLayer[], base: string): RouteInfo[] {
  return stack.flatMap((layer): RouteInfo[] => {
    if (layer.route) {
      const path = join(base, String(layer.route.path));
      return Object.keys(layer.route.methods).map((m) => ({ method: m === '_all' ? 'ALL' : m.toUpperCase(), path }));
    }
    if (layer.handle?.stack) return walk(layer.handle.stack, join(base, typeof layer.rawPath === 'string' ? layer.rawPath : '/'));
    return [];
  });
}

function join(base: string, path: string): string {
  const joined = `${base}/${path}`.replace(/\/{2,}/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}
