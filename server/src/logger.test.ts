import { describe, expect, it } from 'vitest';
import { safeError } from './logger.js';

describe('safeError', () => {
  it('keeps the message and status of an HTTP client error but never its request headers', () => {
    // given an error such as the engine's HTTP client throws, with the request's Basic credentials inside
    const error = Object.assign(new Error('Response code 500 (Internal Server Error)'), {
      code: 'ERR_NON_2XX_3XX_RESPONSE',
      options: { headers: { authorization: 'Basic bGlhbnFpbjpzZWNyZXQ=' } },
      response: { statusCode: 500, request: { options: { headers: { authorization: 'Basic bGlhbnFpbjpzZWNyZXQ=' } } } },
    });

    // when it is serialized for the log
    const logged = JSON.stringify(safeError(error));

    // then the credentials are gone and what explains the failure stays
    expect(logged).not.toContain('bGlhbnFpbjpzZWNyZXQ=');
    expect(logged).not.toMatch(/authorization/i);
    expect(JSON.parse(logged)).toMatchObject({ message: 'Response code 500 (Internal Server Error)', code: 'ERR_NON_2XX_3XX_RESPONSE', responseStatus: 500 });
  });

  it('passes values that are not errors through', () => {
    expect(safeError('plain')).toBe('plain');
  });
});
