import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '../../../db/migrations/index.js';
import { lianqinModules } from '../modules/index.js';

/** Every entity of the app database: the tables each module declares in its manifest. */
export function entities() {
  return lianqinModules().flatMap((m) => m.entities ?? []);
}

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
  const common = { entities: entities(), migrations, synchronize: false, migrationsRun: false, logging: false } as const;
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
