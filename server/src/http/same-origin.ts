import type { RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { CrossSiteRequestError } from '../errors/index.js';
import { recordAudit } from '../modules/audit/index.js';

/** Methods that read only; everything else changes state and must come from the app's own pages. */
const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a request says about where it was made. */
export interface RequestSource {
  method: string;
  /** The browser's Sec-Fetch-Site header, when sent. */
  secFetchSite?: string;
  /** The Origin header, when sent. */
  origin?: string;
}

/** The serialised origin (scheme://host[:port]) of a URL, or undefined for anything that is not an http(s) URL. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the request may go on. Browsers send Sec-Fetch-Site, or failing that Origin, on every cross-site POST, and a
 * page cannot forge either; a client that sends neither is not a browser and carries no victim's cookie. "same-site"
 * is refused too: another port on this host is another origin that SameSite cookies do not keep out.
 */
export function isSameOriginRequest(source: RequestSource, appOrigins: readonly string[]): boolean {
  if (readMethods.has(source.method.toUpperCase())) return true;
  if (source.secFetchSite !== undefined) return ['same-origin', 'none'].includes(source.secFetchSite.trim().toLowerCase());
  if (source.origin === undefined) return true;
  const origin = originOf(source.origin);
  return origin !== undefined && appOrigins.includes(origin);
}

/**
 * Refuses state-changing /api requests from other origins with 403 CROSS_SITE_REQUEST and an audit record. The app's
 * origin is the request's own scheme and host, or PUBLIC_URL's origin when it is set. Runs after authenticate, so that
 * the record names the signed-in user whose cookie the other site used.
 */
export function refuseCrossSite(deps: { dataSource: DataSource; publicUrl?: string }): RequestHandler {
  const publicOrigin = deps.publicUrl ? originOf(deps.publicUrl) : undefined;
  return async (req, _res, next) => {
    const source = { method: req.method, secFetchSite: req.get('sec-fetch-site'), origin: req.get('origin') };
    const ownOrigin = originOf(`${req.protocol}://${req.get('host') ?? ''}`);
    const appOrigins = [ownOrigin, publicOrigin].filter((o): o is string => o !== undefined);
    if (isSameOriginRequest(source, appOrigins)) return next();
    const seen = { origin: source.origin?.slice(0, 256) ?? null, secFetchSite: source.secFetchSite?.slice(0, 64) ?? null };
    const path = req.originalUrl.split('?')[0]!.slice(0, 128);
    await recordAudit(deps.dataSource.manager, { actor: req.user?.username ?? 'anonymous', action: 'security.cross-site-refused', targetType: 'request', targetId: path, after: { method: req.method, path, ...seen } });
    next(new CrossSiteRequestError('已拒绝来自其他网站的请求：请在联勤系统的页面内操作', seen));
  };
}
