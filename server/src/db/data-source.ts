import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '../../../db/migrations/index.js';
import { AuditIntentEntity, AuditRecordEntity } from '../modules/audit/index.js';
import { UserSessionEntity } from '../modules/auth/session.entity.js';
import { HolidayOverrideEntity } from '../modules/calendar/index.js';
import { CaseEventEntity } from '../modules/cases/case-event.entity.js';
import { CaseFileEntity } from '../modules/cases/case-file.entity.js';
import { CaseCommentEntity } from '../modules/cases/case-comment.entity.js';
import { CasePhotoEntity } from '../modules/cases/case-photo.entity.js';
import { AssistanceRequestEntity, CrewAssignmentEntity, RectificationNoticeEntity } from '../modules/department-records/index.js';
import { NotificationEntity, OutboxEntity } from '../modules/notifications/index.js';
import { DepartmentEntity } from '../modules/departments/index.js';
import { CommunityEntity, StreetEntity, UnitGridEntity } from '../modules/grids/index.js';
import { SanitationCrewEntity } from '../modules/crews/index.js';
import { ShopEntity } from '../modules/shops/index.js';
import { UserEntity } from '../modules/users/index.js';
import { SideEffectEntity } from '../workers/runtime/side-effect.entity.js';

/** Every entity of the app database. */
export const entities = [DepartmentEntity, UserEntity, AuditRecordEntity, CaseFileEntity, SideEffectEntity, HolidayOverrideEntity, CaseEventEntity, NotificationEntity, OutboxEntity, RectificationNoticeEntity, AssistanceRequestEntity, CrewAssignmentEntity, StreetEntity, CommunityEntity, UnitGridEntity, ShopEntity, SanitationCrewEntity, UserSessionEntity, CasePhotoEntity, CaseCommentEntity, AuditIntentEntity];

/** Which app database to open: MySQL/MariaDB by URL, else an embedded SQLite file (sql.js) in dataDir. */
export interface DatabaseSettings {
  databaseUrl?: string;
  dataDir: string;
}

/** The kind of database behind the settings, as shown in health reports. */
export function databaseType(settings: DatabaseSettings): 'mysql' | 'sqljs' {
  return settings.databaseUrl ? 'mysql' : 'sqljs';
}

/** Builds the TypeORM data source; migrations run explicitly, never synchronize. */
export function createDataSource(settings: DatabaseSettings): DataSource {
  const common = { entities, migrations, synchronize: false, migrationsRun: false, logging: false } as const;
  if (settings.databaseUrl) {
    const url = settings.databaseUrl.replace(/^mariadb:/, 'mysql:');
    return new DataSource({ ...common, type: 'mysql', url, charset: 'utf8mb4_unicode_ci', timezone: 'Z', poolSize: 20 } as DataSourceOptions);
  }
  mkdirSync(settings.dataDir, { recursive: true });
  return new DataSource({ ...common, type: 'sqljs', location: path.join(settings.dataDir, 'lianqin.sqlite'), autoSave: true });
}

/** Opens the data source and brings its schema up to date. */
export async function openDatabase(settings: DatabaseSettings): Promise<DataSource> {
  const dataSource = createDataSource(settings);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
