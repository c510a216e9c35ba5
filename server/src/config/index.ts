import { configSchema, type Config } from './config.schema.js';
import { ConfigError } from '../errors/index.js';

export type { Config } from './config.schema.js';
export { settings } from './config.schema.js';

/** Validates an environment into a Config; throws ConfigError naming every wrong setting. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Blank values count as unset, as in most shells' `VAR=` usage.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(problems);
  }
  return result.data;
}

let loaded: Config | undefined;

/** The process configuration, read from process.env once. The only reader of process.env in the server. */
export function loadConfig(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}
