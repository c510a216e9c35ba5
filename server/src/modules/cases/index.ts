export { CaseFileEntity, type CaseFile, type CaseSource, type CaseStatus } from './case-file.entity.js';
export { CaseEventEntity, caseEventTypes, type CaseEvent, type CaseEventType } from './case-event.entity.js';
export { createCase, caseProcessKey, type CaseDeps } from './cases.service.js';
export { createCaseSchema, type CreateCaseInput } from './cases.schema.js';
