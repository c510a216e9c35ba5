export { RectificationNoticeEntity, type RectificationNotice } from './rectification-notice.entity.js';
export { AssistanceRequestEntity, type AssistanceRequest } from './assistance-request.entity.js';
export { CrewAssignmentEntity, type CrewAssignment } from './crew-assignment.entity.js';
