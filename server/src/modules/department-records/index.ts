import { defineModule } from '../module.js';
import { RectificationNoticeEntity } from './rectification-notice.entity.js';
import { AssistanceRequestEntity } from './assistance-request.entity.js';
import { CrewAssignmentEntity } from './crew-assignment.entity.js';
export { RectificationNoticeEntity, type RectificationNotice } from './rectification-notice.entity.js';
export { AssistanceRequestEntity, type AssistanceRequest } from './assistance-request.entity.js';
export { CrewAssignmentEntity, type CrewAssignment } from './crew-assignment.entity.js';

/** What the departments' workers record: notices, assistance requests, crew assignments. */
export const departmentRecordsModule = defineModule({ name: 'department-records', entities: [RectificationNoticeEntity, AssistanceRequestEntity, CrewAssignmentEntity] });
