import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/index.js';
import { configFrom, engineSecretFile } from './index.js';
import { resolveEngineSecret } from './engine-secret.js';

const freshDataDir = () => mkdtempSync(path.join(tmpdir(), 'lianqin-secret-'));
const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('the engine password', () => {
  it('is created on the first start of a process that starts the engine: random, in a 0600 file in a 0700 folder', () => {
    // given
    const dataDir = freshDataDir();
    // when
    const secret = resolveEngineSecret({ DATA_DIR: dataDir }, { mayCreate: true });
    // then
    expect(secret).toMatchObject({ source: 'created', file: path.join(dataDir, 'secrets', 'engine-admin-password') });
    expect(secret.password).toMatch(/^[\w-]{32}$/);
    expect(readFileSync(secret.file, 'utf8').trim()).toBe(secret.password);
    expect(modeOf(secret.file)).toBe(0o600);
    expect(modeOf(path.dirname(secret.file))).toBe(0o700);
  });

  it('is reused from the file on later starts', () => {
    // given
    const dataDir = freshDataDir();
    const first = resolveEngineSecret({ DATA_DIR: dataDir }, { mayCreate: true });
    // when
    const second = resolveEngineSecret({ DATA_DIR: dataDir }, { mayCreate: true });
    // then
    expect(second).toEqual({ ...first, source: 'file' });
  });

  it('differs between data folders', () => {
    // given / when
    const [a, b] = [freshDataDir(), freshDataDir()].map((dataDir) => resolveEngineSecret({ DATA_DIR: dataDir }, { mayCreate: true }).password);
    // then
    expect(a).not.toBe(b);
  });

  it('comes from ENGINE_PASSWORD when it is set, even if the file exists, and then no file is created', () => {
    // given
    const dataDir = freshDataDir();
    const withFile = freshDataDir();
    resolveEngineSecret({ DATA_DIR: withFile }, { mayCreate: true });
    // when
    const fromEnv = resolveEngineSecret({ DATA_DIR: dataDir, ENGINE_PASSWORD: 'from-the-env-2026' }, { mayCreate: true });
    const overriding = configFrom({ DATA_DIR: withFile, ENGINE_PASSWORD: 'from-the-env-2026' });
    // then
    expect(fromEnv.source).toBe('env');
    expect(fromEnv.password).toBe('from-the-env-2026');
    expect(() => statSync(engineSecretFile(dataDir))).toThrow(/ENOENT/);
    expect(overriding.ENGINE_PASSWORD).toBe('from-the-env-2026');
  });

  it('is read from DATA_DIR by a process that does not start the engine (npm run server, npm run worker)', () => {
    // given a file written by npm start, with a trailing newline as editors leave it
    const dataDir = freshDataDir();
    mkdirSync(path.join(dataDir, 'secrets'));
    writeFileSync(engineSecretFile(dataDir), 'Kept-by-npm-start-2026\n');
    // when
    const config = configFrom({ DATA_DIR: dataDir });
    // then
    expect(config.ENGINE_PASSWORD).toBe('Kept-by-npm-start-2026');
    expect(config.ENGINE_USER).toBe('lianqin');
  });

  it('stops a process without ENGINE_PASSWORD or the file with a message naming both', () => {
    // given
    const dataDir = freshDataDir();
    // when
    const attempt = () => configFrom({ DATA_DIR: dataDir });
    // then
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/ENGINE_PASSWORD: not set/);
    expect(attempt).toThrow(engineSecretFile(dataDir));
  });

  it('is not created when ENGINE_START is false, even for npm start: that engine has a password of its own', () => {
    // given
    const dataDir = freshDataDir();
    // when
    const attempt = () => configFrom({ DATA_DIR: dataDir, ENGINE_START: 'false' }, { startsEngine: true });
    // then
    expect(attempt).toThrow(/ENGINE_PASSWORD: not set/);
    expect(() => statSync(engineSecretFile(dataDir))).toThrow(/ENOENT/);
  });

  it('refuses an empty file instead of sending an empty password', () => {
    // given
    const dataDir = freshDataDir();
    mkdirSync(path.join(dataDir, 'secrets'));
    writeFileSync(engineSecretFile(dataDir), '\n');
    // when
    const attempt = () => configFrom({ DATA_DIR: dataDir }, { startsEngine: true });
    // then
    expect(attempt).toThrow(/is empty/);
  });
});
