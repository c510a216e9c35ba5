import mysql from 'mysql2/promise';

/** Whether a MySQL-compatible server answers at the URL. */
export async function mysqlReachable(url: string): Promise<boolean> {
  try {
    const connection = await mysql.createConnection({ uri: serverUrl(url), connectTimeout: 3000 });
    await connection.end();
    return true;
  } catch {
    return false;
  }
}

/** Drops and creates the named databases (utf8mb4), for a clean test run. */
export async function recreateDatabases(url: string, names: string[]): Promise<void> {
  const connection = await mysql.createConnection({ uri: serverUrl(url) });
  try {
    for (const name of names) {
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    }
  } finally {
    await connection.end();
  }
}

/** Drops the named databases if they exist. */
export async function dropDatabases(url: string, names: string[]): Promise<void> {
  const connection = await mysql.createConnection({ uri: serverUrl(url) });
  try {
    for (const name of names) await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await connection.end();
  }
}

/** Creates the named databases when missing. */
export async function ensureDatabases(url: string, names: string[]): Promise<void> {
  const connection = await mysql.createConnection({ uri: serverUrl(url) });
  try {
    for (const name of names) await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
}

/** The URL with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  u.pathname = `/${database}`;
  return u.toString();
}

/** The JDBC URL of the same server for the engine, with the settings Camunda requires. */
export function jdbcUrlOf(url: string, database: string): { jdbcUrl: string; user: string; password: string } {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  return {
    jdbcUrl: `jdbc:mariadb://${u.hostname}:${u.port || 3306}/${database}?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true`,
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
  };
}

function serverUrl(url: string): string {
  const u = new URL(url.replace(/^mariadb:/, 'mysql:'));
  u.pathname = '/';
  return u.toString();
}
