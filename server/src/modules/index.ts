import { workerRuntimeModule } from '../workers/runtime/index.js';
import { auditModule } from './audit/index.js';
import { authModule } from './auth/index.js';
import { calendarModule } from './calendar/index.js';
import { casesModule } from './cases/index.js';
import { crewsModule } from './crews/index.js';
import { departmentRecordsModule } from './department-records/index.js';
import { departmentsModule } from './departments/index.js';
import { designerModule } from './designer/index.js';
import { gridsModule } from './grids/index.js';
import { healthModule } from './health/index.js';
import { jointOperationsModule } from './joint-operations/index.js';
import type { LianqinModule } from './module.js';
import { notificationsModule } from './notifications/index.js';
import { patrolsModule } from './patrols/index.js';
import { processVersionsModule } from './process-versions/index.js';
import { referenceModule } from './reference/index.js';
import { shopsModule } from './shops/index.js';
import { tasksModule } from './tasks/index.js';
import { usersModule } from './users/index.js';

/**
 * Every module of Lianqin, in the order their routes are mounted. The database's entities and the API's routes are
 * collected from here; a new module is one line in this list.
 */
export function lianqinModules(): readonly LianqinModule[] {
  return [
    healthModule,
    authModule,
    usersModule,
    auditModule,
    departmentsModule,
    calendarModule,
    gridsModule,
    shopsModule,
    crewsModule,
    departmentRecordsModule,
    notificationsModule,
    casesModule,
    jointOperationsModule,
    patrolsModule,
    tasksModule,
    referenceModule,
    designerModule,
    processVersionsModule,
    workerRuntimeModule,
  ];
}
