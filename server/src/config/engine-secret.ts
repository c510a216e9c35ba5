import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors/index.js';

/** Where the engine admin password of a data folder lives: DATA_DIR/secrets/engine-admin-password (absolute). */
export function engineSecretFile(dataDir: string): string {
  return path.resolve(dataDir, 'secrets', 'engine-admin-password');
}

/** Where the engine password came from: the environment, the file, or the file created just now. */
export type EngineSecretSource = 'env' | 'file' | 'created';

/** The engine password and its origin, for the start-up banner. */
export interface EngineSecret {
  password: string;
  source: EngineSecretSource;
  /** The secret file of DATA_DIR, whether or not it was used. */
  file: string;
}

/**
 * The engine password: ENGINE_PASSWORD when set, else the secret file under DATA_DIR. A process that starts the engine
 * itself (`mayCreate`) creates the file with a random password on its first run; anyone else without either stops
 * with a ConfigError naming both.
 */
export function resolveEngineSecret(settings: { ENGINE_PASSWORD?: string; DATA_DIR: string }, { mayCreate = false } = {}): EngineSecret {
  const file = engineSecretFile(settings.DATA_DIR);
  if (settings.ENGINE_PASSWORD) return { password: settings.ENGINE_PASSWORD, source: 'env', file };
  const stored = readSecret(file);
  if (stored !== undefined) return { password: stored, source: 'file', file };
  if (mayCreate) return createSecret(file);
  throw new ConfigError([
    `ENGINE_PASSWORD: not set, and ${file} does not exist. Set ENGINE_PASSWORD to the engine admin password, or point DATA_DIR at the data folder of the npm start that created that file.`,
  ]);
}

/** The file's password without surrounding whitespace; undefined when the file does not exist. */
function readSecret(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError([`ENGINE_PASSWORD: cannot read ${file}: ${(error as Error).message}`]);
  }
  const password = text.trim();
  if (!password) throw new ConfigError([`ENGINE_PASSWORD: ${file} is empty. Delete it to have npm start generate a new password, or set ENGINE_PASSWORD.`]);
  return password;
}

/** Writes a fresh random password: folder 0700, file 0600, never overwriting a file another process wrote first. */
function createSecret(file: string): EngineSecret {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const password = randomBytes(24).toString('base64url');
  try {
    writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { password: readSecret(file)!, source: 'file', file };
  }
  // The mode of writeFileSync passes through the umask; state it exactly.
  chmodSync(file, 0o600);
  return { password, source: 'created', file };
}
