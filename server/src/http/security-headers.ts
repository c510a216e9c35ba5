import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../config/index.js';

/** The settings the security headers depend on. */
export type SecurityHeadersConfig = Pick<Config, 'MAP_TILE_URL' | 'PUBLIC_URL'>;

/**
 * The CSP source that lets the browser load tiles of a Leaflet URL template: its origin, with a leading `{s}.`
 * subdomain label as `*.`; just the scheme when another placeholder sits in the host, since CSP has no other wildcard.
 */
export function tileImageSource(template: string): string {
  const match = /^(https?):\/\/(?:[^/?#@]*@)?([^/?#]+)/i.exec(template);
  if (!match) throw new Error(`MAP_TILE_URL is not an http(s) URL template: ${template}`);
  const scheme = match[1]!.toLowerCase();
  const wildcard = /^\{[a-z]+\}\./i.exec(match[2]!);
  const authority = wildcard ? match[2]!.slice(wildcard[0].length) : match[2]!;
  if (authority.includes('{')) return `${scheme}:`;
  const { host } = new URL(`${scheme}://${authority}`);
  return `${scheme}://${wildcard ? '*.' : ''}${host}`;
}

/**
 * The Content-Security-Policy of every answer. Scripts only from our own origin (the built app has no inline script and
 * needs no eval: vue-i18n 11 compiles messages to an AST it interprets, not to functions), so injected markup cannot run.
 */
export function contentSecurityPolicyDirectives(config: SecurityHeadersConfig): Record<string, string[]> {
  const https = config.PUBLIC_URL?.startsWith('https:') ?? false;
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // No inline styles either: Element Plus, Leaflet, bpmn-js and form-js style elements through the CSSOM
    // (element.style), which CSP does not govern, so injected <style> or style="" cannot restyle the page.
    'style-src': ["'self'"],
    // Photos are same-origin, upload previews blob: URLs, small icons data: URLs; map tiles come from MAP_TILE_URL.
    'img-src': ["'self'", 'data:', 'blob:', ...(config.MAP_TILE_URL ? [tileImageSource(config.MAP_TILE_URL)] : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * Security headers on every answer, the web app's pages and the API's JSON alike: the CSP above, no framing, no
 * MIME sniffing, no referrer, and HSTS when PUBLIC_URL is https.
 */
export function securityHeaders(config: SecurityHeadersConfig): RequestHandler {
  const https = config.PUBLIC_URL?.startsWith('https:') ?? false;
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicyDirectives(config) },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 60 * 60 } : false,
  });
}
