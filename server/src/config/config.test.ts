import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/index.js';
import { parseConfig } from './index.js';

/** Runs parseConfig and returns the ConfigError it throws, failing the test if it does not throw one. */
function configErrorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`);
}

describe('parseConfig', () => {
  it('applies the defaults on an empty environment', () => {
    // given
    const env = {};
    // when
    const config = parseConfig(env);
    // then
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATA_DIR: 'data',
      ENGINE_URL: 'http://127.0.0.1:8080/engine-rest',
      ENGINE_USER: 'lianqin',
      ENGINE_TIMEOUT_MS: 10_000,
      ENGINE_READ_RETRIES: 2,
      PROCESSES_DIR: 'processes',
      DEPLOY_ON_START: true,
      WORKERS: 'in-process',
      WORKER_DEPARTMENTS: ['all'],
      WORKER_MAX_PARALLEL: 10,
      WORKER_LOCK_MS: 60_000,
      WORKER_LONG_POLL_MS: 10_000,
      WORKER_RETRIES: 3,
      WORKER_SHUTDOWN_GRACE_MS: 30_000,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PUBLIC_URL).toBeUndefined();
    // No known engine password: it comes from ENGINE_PASSWORD or the file npm start creates (engine-secret.test.ts).
    expect(config.ENGINE_PASSWORD).toBeUndefined();
    expect(config.DEMO_DATA).toBe(true);
  });

  it('treats empty strings as unset, so the defaults apply', () => {
    // given
    const env = { PORT: '', DATABASE_URL: '', ENGINE_URL: '', WORKERS: '', DEPLOY_ON_START: '', WORKER_DEPARTMENTS: '' };
    // when
    const config = parseConfig(env);
    // then
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.ENGINE_URL).toBe('http://127.0.0.1:8080/engine-rest');
    expect(config.WORKERS).toBe('in-process');
    expect(config.DEPLOY_ON_START).toBe(true);
    expect(config.WORKER_DEPARTMENTS).toEqual(['all']);
  });

  it('ignores variables that are not settings', () => {
    // given
    const env = { PATH: '/usr/bin', HOME: '/root' };
    // when
    const config = parseConfig(env);
    // then
    expect(config).not.toHaveProperty('PATH');
    expect(config).not.toHaveProperty('HOME');
  });

  it.each([
    { setting: 'PORT', value: 'abc' },
    { setting: 'PORT', value: '70000' },
    { setting: 'DATABASE_URL', value: 'postgres://x' },
    { setting: 'ENGINE_URL', value: 'notaurl' },
    { setting: 'WORKERS', value: 'maybe' },
    { setting: 'LOG_LEVEL', value: 'loud' },
    { setting: 'DEPLOY_ON_START', value: 'perhaps' },
    { setting: 'ENGINE_TIMEOUT_MS', value: '0' },
    { setting: 'WORKER_LOCK_MS', value: '500' },
  ])('rejects $setting=$value with a ConfigError naming $setting', ({ setting, value }) => {
    // given
    const env = { [setting]: value };
    // when
    const error = configErrorOf(env);
    // then
    expect(error.message).toContain(setting);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.details?.problems).toHaveLength(1);
    expect(error.details?.problems[0]).toMatch(new RegExp(`^${setting}: `));
  });

  it('names every wrong setting at once', () => {
    // given
    const env = { PORT: 'abc', DATABASE_URL: 'postgres://x', ENGINE_URL: 'notaurl', WORKERS: 'maybe' };
    // when
    const error = configErrorOf(env);
    // then
    for (const setting of ['PORT', 'DATABASE_URL', 'ENGINE_URL', 'WORKERS']) expect(error.message).toContain(setting);
    expect(error.details?.problems).toHaveLength(4);
  });

  it('accepts mysql:// and mariadb:// database URLs', () => {
    // given
    const urls = ['mysql://root@127.0.0.1:3306/lianqin', 'mariadb://root@db/lianqin'];
    // when
    const parsed = urls.map((DATABASE_URL) => parseConfig({ DATABASE_URL }).DATABASE_URL);
    // then
    expect(parsed).toEqual(urls);
  });

  it.each([
    { value: 'sanitation, commerce', expected: ['sanitation', 'commerce'] },
    { value: 'sanitation', expected: ['sanitation'] },
    { value: ' sanitation ,, commerce ,', expected: ['sanitation', 'commerce'] },
  ])('splits WORKER_DEPARTMENTS "$value" into a trimmed list', ({ value, expected }) => {
    // given
    const env = { WORKER_DEPARTMENTS: value };
    // when
    const config = parseConfig(env);
    // then
    expect(config.WORKER_DEPARTMENTS).toEqual(expected);
  });

  it.each([
    { value: 'false', expected: false },
    { value: 'true', expected: true },
    { value: '0', expected: false },
    { value: '1', expected: true },
  ])('reads DEPLOY_ON_START "$value" as $expected', ({ value, expected }) => {
    // given
    const env = { DEPLOY_ON_START: value };
    // when
    const config = parseConfig(env);
    // then
    expect(config.DEPLOY_ON_START).toBe(expected);
  });

  it('coerces numeric settings from strings', () => {
    // given
    const env = { PORT: '0', ENGINE_TIMEOUT_MS: '2500', WORKER_RETRIES: '5' };
    // when
    const config = parseConfig(env);
    // then
    expect(config).toMatchObject({ PORT: 0, ENGINE_TIMEOUT_MS: 2500, WORKER_RETRIES: 5 });
  });
});
