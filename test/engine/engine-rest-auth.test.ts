import { beforeAll, describe, expect, inject, it } from 'vitest';
import { engineAuthorization, uniqueKey } from '../support/test-env.js';
import { externalAddresses, isLoopback, listeningSockets, tryConnect } from './listening-sockets.js';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
// Wrong passwords go against a user of their own: the engine briefly locks a user after a failed login.
const probeUser = uniqueKey('authprobe').replace('-', '');

beforeAll(async () => {
  const response = await fetch(`${inject('engineUrl')}/user/create`, {
    method: 'POST',
    headers: { authorization: engineAuthorization(), 'content-type': 'application/json' },
    body: JSON.stringify({ profile: { id: probeUser, firstName: 'Auth', lastName: 'Probe' }, credentials: { password: 'Probe#2026' } }),
  });
  expect(response.status).toBe(204);
});

describe('/engine-rest authentication', () => {
  it.each([
    { label: 'no credentials', authorization: () => undefined, status: 401 },
    { label: 'a wrong password', authorization: () => basic(probeUser, 'wrong'), status: 401 },
    { label: 'an unknown user', authorization: () => basic(uniqueKey('intruder'), 'Intruder#2026'), status: 401 },
    { label: 'the demo/demo that older versions published', authorization: () => basic('demo', 'demo'), status: 401 },
    { label: 'the configured admin and its per-run password', authorization: engineAuthorization, status: 200 },
  ])('answers $label with $status', async ({ authorization, status }) => {
    // given
    const header = authorization();
    // when
    const response = await fetch(`${inject('engineUrl')}/process-definition`, { headers: header ? { authorization: header } : {} });
    // then
    expect(response.status).toBe(status);
  });

  it('guards writes too: an anonymous deployment is refused', async () => {
    // given
    const form = new FormData();
    form.set('deployment-name', 'anonymous');
    // when
    const response = await fetch(`${inject('engineUrl')}/deployment/create`, { method: 'POST', body: form });
    // then
    expect(response.status).toBe(401);
  });
});

describe('the engine host on the network', () => {
  const port = Number(new URL(inject('engineUrl')).port);

  it('listens on the loopback address only', () => {
    // given the suite's engine, started without ENGINE_BIND_ADDRESS
    // when
    const sockets = listeningSockets(port);
    // then
    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets.filter((s) => !isLoopback(s.address))).toEqual([]);
  });

  it('refuses connections on every other address of this machine', async () => {
    // given
    const addresses = externalAddresses();
    // when
    const outcomes = await Promise.all(addresses.map(async (address) => ({ address, outcome: await tryConnect(address, port) })));
    // then
    expect(outcomes).toEqual(addresses.map((address) => ({ address, outcome: 'ECONNREFUSED' })));
  });
});
