import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicyDirectives, securityHeaders, tileImageSource, type SecurityHeadersConfig } from './security-headers.js';

const servers: Server[] = [];

/** A tiny app with only the security headers, a page and a JSON answer, listening on port 0. */
async function serve(config: SecurityHeadersConfig): Promise<string> {
  const app = express();
  app.use(securityHeaders(config));
  app.get('/api/thing', (_req, res) => res.json({ ok: true }));
  app.get('/', (_req, res) => res.type('html').send('<!doctype html><p>page</p>'));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A CSP header split into its directives. */
function directives(header: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

let plain: string;

beforeAll(async () => {
  plain = await serve({ MAP_TILE_URL: 'https://tiles.example.cn/{z}/{x}/{y}.png', PUBLIC_URL: undefined });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

describe('securityHeaders', () => {
  it.each(['/', '/api/thing'])('sends a CSP that allows only own scripts, and no framing or sniffing, on %s', async (path) => {
    // when a page or a JSON answer is fetched
    const response = await fetch(plain + path);

    // then scripts come only from our origin, never inline or eval'd, and nothing may frame or embed the app
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(csp['form-action']).toEqual(["'self'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://tiles.example.cn']);
    expect(csp['upgrade-insecure-requests']).toBeUndefined();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('adds HSTS and upgrade-insecure-requests when the public URL is https', async () => {
    // given a server published over https, without map tiles
    const url = await serve({ MAP_TILE_URL: undefined, PUBLIC_URL: 'https://lianqin.example.cn' });

    // when a page is fetched
    const response = await fetch(url);

    // then browsers are told to keep to https, and images may come only from our origin and data/blob URLs
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp['upgrade-insecure-requests']).toEqual([]);
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  });
});

describe('contentSecurityPolicyDirectives', () => {
  it.each(Object.entries(contentSecurityPolicyDirectives({ MAP_TILE_URL: 'http://127.0.0.1:8081/{z}/{x}/{y}.png', PUBLIC_URL: undefined })))(
    'allows neither eval nor inline code or styles in %s',
    (_name, values) => {
      expect(values).not.toContain("'unsafe-eval'");
      expect(values).not.toContain("'unsafe-inline'");
      expect(values).not.toContain("'unsafe-hashes'");
    },
  );
});

describe('tileImageSource', () => {
  it.each([
    ['https://tiles.example.cn/{z}/{x}/{y}.png', 'https://tiles.example.cn'],
    ['http://127.0.0.1:8081/tiles/{z}/{x}/{y}.png?key=abc', 'http://127.0.0.1:8081'],
    ['https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://*.tile.openstreetmap.org'],
    ['HTTPS://Tiles.Example.CN:443/{z}/{x}/{y}.png', 'https://tiles.example.cn'],
    ['https://user:secret@tiles.example.cn/{z}/{x}/{y}.png', 'https://tiles.example.cn'],
    ['https://tiles-{s}-cn.example.cn/{z}/{x}/{y}.png', 'https:'],
  ])('allows the tiles of %s as %s', (template, source) => {
    expect(tileImageSource(template)).toBe(source);
  });
});
