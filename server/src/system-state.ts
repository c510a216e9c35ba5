import type { DeploymentReport } from './modules/deployment/index.js';

/** What the running server knows about itself, for health reports. */
export interface SystemState {
  databaseType: 'mysql' | 'sqljs';
  deployment?: DeploymentReport;
  workers: { mode: 'in-process' | 'separate'; topics: string[] };
}
