// npm run create-admin -- --username <name> [--display-name <姓名>]: the first admin of a database without demo data.
// The password comes from stdin (echo … | npm run create-admin …), or is generated and printed once.
import { randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { seedData } from '../db/seed/seed.js';
import { loadSettings } from '../server/src/config/index.js';
import { openDatabase } from '../server/src/db/index.js';
import { AppError } from '../server/src/errors/index.js';
import type { CurrentUser } from '../server/src/modules/auth/index.js';
// createUserSchema: the users module's own request rule, so that this account obeys exactly what the admin screen enforces.
import { createUser, createUserSchema, passwordRule } from '../server/src/modules/users/index.js';
import { ensureDatabases } from './lib/mysql.js';

/** Who the audit log names as the creator. */
const actor: CurrentUser = { id: 0, username: 'system:create-admin', displayName: 'npm run create-admin', departmentCode: null, roles: ['admin'] };

const usage = 'usage: npm run create-admin -- --username <name> [--display-name <姓名>]   (password on stdin, or generated)';

async function main(): Promise<number> {
  let values: { username?: string; 'display-name'?: string };
  try {
    ({ values } = parseArgs({ options: { username: { type: 'string' }, 'display-name': { type: 'string' } } }));
  } catch (error) {
    return fail(`${(error as Error).message}\n${usage}`);
  }
  if (!values.username) return fail(`--username is required\n${usage}`);
  const given = await passwordFromStdin();
  const password = given ?? generatePassword();
  const parsed = createUserSchema.safeParse({
    username: values.username,
    displayName: values['display-name'] ?? '系统管理员',
    departmentCode: 'command-centre',
    roles: ['admin'],
    password,
  });
  if (!parsed.success) return fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));

  const settings = loadSettings();
  if (settings.DATABASE_URL) {
    const database = new URL(settings.DATABASE_URL.replace(/^mariadb:/, 'mysql:')).pathname.slice(1);
    if (database) await ensureDatabases(settings.DATABASE_URL, [database]);
  }
  const dataSource = await openDatabase({ databaseUrl: settings.DATABASE_URL, dataDir: settings.DATA_DIR });
  try {
    // The admin belongs to the command centre, which a database that never started has not seeded yet.
    await seedData(dataSource, { demo: false });
    const admin = await createUser(dataSource, actor, parsed.data);
    console.log(`[lianqin] 已创建管理员 / admin created: ${admin.username}（${admin.displayName}）`);
    if (!given) console.log(`[lianqin] 初始密码 / password, shown only this once: ${password}\n[lianqin] 请登录后修改 / sign in and change it.`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

/** The password piped in, without its final line break; undefined at a terminal or when nothing was piped. */
async function passwordFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const piped = (await text(process.stdin)).replace(/\r?\n$/, '');
  return piped === '' ? undefined : piped;
}

/** 24 random URL-safe characters, drawn again in the rare case that passwordRule would refuse them. */
function generatePassword(): string {
  for (;;) {
    const candidate = randomBytes(18).toString('base64url');
    if (passwordRule.safeParse(candidate).success) return candidate;
  }
}

function fail(message: string): number {
  console.error(`[lianqin] create-admin: ${message}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  // Known errors (a taken username, a wrong setting) by their message; anything else with its stack.
  (error: unknown) => process.exit(fail(error instanceof AppError ? error.message : String(error instanceof Error ? error.stack : error))),
);
