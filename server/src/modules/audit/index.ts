import { defineModule } from '../module.js';
import { AuditRecordEntity } from './audit-record.entity.js';
import { AuditIntentEntity } from './audit-intent.entity.js';
import { auditRoutes } from './routes.js';
export { AuditRecordEntity, type AuditRecord } from './audit-record.entity.js';
export { AuditIntentEntity, type AuditIntent } from './audit-intent.entity.js';
export { recordAudit, auditTrail, type AuditEntry } from './audit.service.js';
export { auditedEngineCall, recordIntent, settleIntent, dropIntent, type IntendedAudit, type IntentDeps } from './audit-intents.js';
export { reconcileIntents, type IntentCheck, type IntentReconcileOptions, type IntentReconcileResult } from './intent-reconciler.js';
export { startReconciler, settleWindowMs, type ReconcileJob } from './reconciler.js';
export { engineWriteOutcome, type EngineWriteOutcome } from './engine-outcome.js';
export { loggerOr } from './fallback-logger.js';
export { listAudit } from './audit.query.js';
export { auditRoutes } from './routes.js';

/** The append-only audit log and the intents of engine changes not yet confirmed. */
export const auditModule = defineModule({ name: 'audit', entities: [AuditRecordEntity, AuditIntentEntity], routes: ({ dataSource }) => auditRoutes(dataSource) });
