import { draftContent } from '../designer/index.js';
import { defineModule } from '../module.js';
import { processVersionRoutes } from './routes.js';
export { diffBpmn, type BpmnChanges } from './bpmn-diff.js';
export { listProcessKeys, listVersions, definitionXml, deploymentOrigin } from './versions.service.js';
export { liveView, retryIncident } from './live.service.js';
export { planMigration, executeMigration } from './migration.service.js';
export { reconcileVersionIntents, versionIntentChecks, type VersionEvidence } from './version-intents.js';

/** The designer's process versions: who deployed what, visual diff, live view with incident retry, and migration. */
export const processVersionsModule = defineModule({
  name: 'process-versions',
  routes: processVersionRoutes(draftContent),
});
