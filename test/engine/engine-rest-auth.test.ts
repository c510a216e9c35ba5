import { beforeAll, describe, expect, inject, it } from 'vitest';
import { uniqueKey } from '../support/test-env.js';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const admin = basic('demo', 'demo');
// Wrong passwords go against a user of their own: the engine briefly locks a user after a failed login.
const probeUser = uniqueKey('authprobe').replace('-', '');

beforeAll(async () => {
  const response = await fetch(`${inject('engineUrl')}/user/create`, {
    method: 'POST',
    headers: { authorization: admin, 'content-type': 'application/json' },
    body: JSON.stringify({ profile: { id: probeUser, firstName: 'Auth', lastName: 'Probe' }, credentials: { password: 'Probe#2026' } }),
  });
  expect(response.status).toBe(204);
});

describe('/engine-rest authentication', () => {
  it.each([
    { label: 'no credentials', authorization: undefined, status: 401 },
    { label: 'a wrong password', authorization: basic(probeUser, 'wrong'), status: 401 },
    { label: 'an unknown user', authorization: basic(uniqueKey('intruder'), 'demo'), status: 401 },
    { label: 'valid credentials', authorization: admin, status: 200 },
  ])('answers $label with $status', async ({ authorization, status }) => {
    const response = await fetch(`${inject('engineUrl')}/process-definition`, { headers: authorization ? { authorization } : {} });
    expect(response.status).toBe(status);
  });

  it('guards writes too: an anonymous deployment is refused', async () => {
    const form = new FormData();
    form.set('deployment-name', 'anonymous');
    const response = await fetch(`${inject('engineUrl')}/deployment/create`, { method: 'POST', body: form });
    expect(response.status).toBe(401);
  });
});
