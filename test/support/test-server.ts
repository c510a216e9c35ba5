import type { Config } from '../../server/src/config/index.js';
import { start, type RunningServer } from '../../server/src/server.js';
import { eventually, testConfig } from './test-env.js';

/** A server started by a test, with the config it runs with. */
export interface TestServer extends RunningServer {
  config: Config;
}

/**
 * Starts a server on port 0 against the suite's engine and database and, unless DEPLOY_ON_START is off, waits until
 * processes/ is deployed, so that tests can start processes at once. The caller stops it.
 */
export async function startTestServer(overrides: Record<string, string> = {}): Promise<TestServer> {
  const config = testConfig(overrides);
  const server = await start(config);
  if (config.DEPLOY_ON_START) {
    // The caller never gets a server whose deployment timed out, so it is stopped here.
    await eventually(async () => server.state.deployment !== undefined, { what: 'processes/ deployed' }).catch(async (error: unknown) => {
      await server.stop();
      throw error;
    });
  }
  return Object.assign(server, { config });
}
