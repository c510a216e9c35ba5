export { deployResources, readProcessResources, deployableExtensions, deploymentName, type DeploymentReport } from './deployment.service.js';
export { deployProcessesDir } from './deploy-processes.js';
export { parseFailureOf } from './parse-report.js';
