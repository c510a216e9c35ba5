import { configSchema, type Config as Settings } from './config.schema.js';
import { resolveEngineSecret, type EngineSecret } from './engine-secret.js';
import { ConfigError } from '../errors/index.js';

export { settings } from './config.schema.js';
export { engineSecretFile, type EngineSecret, type EngineSecretSource } from './engine-secret.js';
/** The validated settings as the environment gives them; ENGINE_PASSWORD may still be unset. */
export type { Settings };

/** The configuration a process runs with: the settings, with the engine password resolved. */
export type Config = Settings & { ENGINE_PASSWORD: string };

/** How loadConfig finds the engine password. */
export interface LoadOptions {
  /** This process starts the engine itself when ENGINE_START is true (npm start), so it may create the password file. */
  startsEngine?: boolean;
}

/** Validates an environment into Settings; throws ConfigError naming every wrong setting. Reads no files. */
export function parseConfig(env: Record<string, string | undefined>): Settings {
  // Blank values count as unset, as in most shells' `VAR=` usage.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(problems);
  }
  return result.data;
}

/** Validates an environment and resolves the engine password (ENGINE_PASSWORD, else the file under DATA_DIR). */
export function configFrom(env: Record<string, string | undefined>, options: LoadOptions = {}): Config {
  return withEngineSecret(parseConfig(env), options).config;
}

let loadedSettings: Settings | undefined;
let loaded: { config: Config; engineSecret: EngineSecret } | undefined;

/** The process's settings, read from process.env once, for tools that never call the engine (npm run create-admin). */
export function loadSettings(): Settings {
  loadedSettings ??= parseConfig(process.env);
  return loadedSettings;
}

/** The process configuration, read from process.env once. The only reader of process.env in the server. */
export function loadConfig(options: LoadOptions = {}): Config {
  loaded ??= withEngineSecret(loadSettings(), options);
  return loaded.config;
}

/** Where the loaded configuration's engine password came from (for the npm start banner). */
export function loadedEngineSecret(): Omit<EngineSecret, 'password'> | undefined {
  return loaded && { source: loaded.engineSecret.source, file: loaded.engineSecret.file };
}

function withEngineSecret(settings: Settings, { startsEngine = false }: LoadOptions): { config: Config; engineSecret: EngineSecret } {
  const engineSecret = resolveEngineSecret(settings, { mayCreate: startsEngine && settings.ENGINE_START });
  return { config: { ...settings, ENGINE_PASSWORD: engineSecret.password }, engineSecret };
}
