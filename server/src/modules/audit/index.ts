export { AuditRecordEntity, type AuditRecord } from './audit-record.entity.js';
export { recordAudit, auditTrail, type AuditEntry } from './audit.service.js';
export { listAudit } from './audit.query.js';
export { auditRoutes } from './routes.js';
