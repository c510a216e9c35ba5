import { demoPassword } from '../../db/seed/demo-data.js';
import { demoAccounts } from '../../db/seed/seed.js';
import type { EngineSecret } from '../../server/src/config/index.js';

/** What npm start tells the person at the terminal. */
export interface BannerFacts {
  url: string;
  engineOrigin: string;
  enginePid?: number;
  engineUser: string;
  /** Where the engine password came from; never the password itself. */
  engineSecret?: Omit<EngineSecret, 'password'>;
  demoData: boolean;
  /** Active accounts that still have the published demo password. */
  openDemoAccounts: string[];
}

/** The start-up banner: where the app runs, where the engine admin's password is, and how to sign in. */
export function startBanner(facts: BannerFacts): string {
  return `
──────────────────────────────────────────────────────────────────
 联勤 Lianqin 已启动 / is running
   Web app:   ${facts.url}
   Health:    ${facts.url}/api/health
   Cockpit:   ${facts.engineOrigin}/camunda  (engine admin, for operators)
              user ${facts.engineUser}, ${enginePasswordHint(facts.engineSecret)}${facts.enginePid ? `\n   Engine:    pid ${facts.enginePid}` : ''}

${facts.demoData ? demoSection() : firstAdminSection(facts.openDemoAccounts)}

 Ctrl-C stops everything.
──────────────────────────────────────────────────────────────────`;
}

function enginePasswordHint(secret: BannerFacts['engineSecret']): string {
  if (!secret || secret.source === 'env') return 'password: the ENGINE_PASSWORD you set';
  return `password in ${secret.file}${secret.source === 'created' ? ' (generated just now)' : ''}`;
}

function demoSection(): string {
  const accounts = demoAccounts.map((u) => `    ${u.username.padEnd(10)} ${u.displayName}（${u.roles.join(', ')}）`).join('\n');
  return ` 演示账号 / demo accounts (password: ${demoPassword}; DEMO_DATA=false turns them off)
${accounts}`;
}

function firstAdminSection(openDemoAccounts: string[]): string {
  const warning = openDemoAccounts.length
    ? `\n ⚠ 这些演示账号仍可用公开密码登录，请在用户管理中停用或重置 / these demo accounts still sign in with the published password;\n   deactivate them or reset their passwords: ${openDemoAccounts.join(', ')}`
    : '';
  return ` 演示数据已关闭 / demo data is off (DEMO_DATA=false).
 创建第一个管理员 / create the first admin (on the embedded SQLite database, stop Lianqin first):
    npm run create-admin -- --username <name> [--display-name <姓名>]${warning}`;
}
