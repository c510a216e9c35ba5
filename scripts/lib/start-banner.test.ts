import { describe, expect, it } from 'vitest';
import { demoPassword } from '../../db/seed/demo-data.js';
import { startBanner, type BannerFacts } from './start-banner.js';

const facts: BannerFacts = {
  url: 'http://127.0.0.1:3000',
  engineOrigin: 'http://127.0.0.1:8080',
  enginePid: 4242,
  engineUser: 'lianqin',
  engineSecret: { source: 'file', file: '/srv/lianqin/data/secrets/engine-admin-password' },
  demoData: true,
  openDemoAccounts: [],
};

describe('the npm start banner', () => {
  it('tells Cockpit operators the engine user and where its password is', () => {
    // given / when
    const banner = startBanner(facts);
    // then
    expect(banner).toContain('Cockpit:   http://127.0.0.1:8080/camunda');
    expect(banner).toContain('user lianqin, password in /srv/lianqin/data/secrets/engine-admin-password\n');
  });

  it.each([
    { source: 'created' as const, hint: 'password in /srv/lianqin/data/secrets/engine-admin-password (generated just now)' },
    { source: 'env' as const, hint: 'password: the ENGINE_PASSWORD you set' },
  ])('names the password\'s origin when it was $source', ({ source, hint }) => {
    // given / when
    const banner = startBanner({ ...facts, engineSecret: { ...facts.engineSecret!, source } });
    // then
    expect(banner).toContain(hint);
  });

  it('lists every demo account, the extra grid inspectors included, with the demo password when demo data is on', () => {
    // given / when
    const banner = startBanner(facts);
    // then
    expect(banner).toContain(`password: ${demoPassword}`);
    for (const username of ['admin', 'wangge', 'wangge2', 'wangge3', 'huanwei2']) expect(banner).toMatch(new RegExp(`^ {4}${username}\\s+\\S`, 'm'));
    expect(banner).not.toContain('create-admin');
  });

  it('lists no account and says how to create the first admin when demo data is off', () => {
    // given / when
    const banner = startBanner({ ...facts, demoData: false });
    // then
    expect(banner).not.toContain(demoPassword);
    expect(banner).not.toMatch(/^ {4}wangge/m);
    expect(banner).toContain('npm run create-admin -- --username <name>');
    expect(banner).not.toContain('published password');
  });

  it('warns, by name, of demo accounts left from an earlier start that still have the published password', () => {
    // given / when
    const banner = startBanner({ ...facts, demoData: false, openDemoAccounts: ['admin', 'wangge2'] });
    // then
    expect(banner).toContain('these demo accounts still sign in with the published password');
    expect(banner).toContain('reset their passwords: admin, wangge2');
    expect(banner).not.toContain(demoPassword);
  });
});
