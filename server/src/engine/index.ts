export { EngineClient, type DeploymentResource, type TaskQuery } from './engine-client.js';
export type { EngineHttpOptions } from './engine-http.js';
export * from './engine-types.js';
export * from './engine-variables.js';
