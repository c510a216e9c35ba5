// npm run bench: Lianqin's end-to-end closed loop against the bare engine on the same BPMN, side by side, on MariaDB.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configFrom } from '../../server/src/config/index.js';
import { start } from '../../server/src/server.js';
import { startEngine } from '../../scripts/lib/engine-process.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { dropDatabases, jdbcUrlOf, mysqlReachable, recreateDatabases, withDatabase } from '../../scripts/lib/mysql.js';
import { runBare } from './bare-engine.js';
import { runLianqin, type InboxMode } from './lianqin-run.js';
import { cpuPerCase, cpuSnapshot } from './cpu.js';
import { percentile } from './stats.js';

const cases = Number(process.env.BENCH_CASES ?? 60);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const warmup = Number(process.env.BENCH_WARMUP ?? 8);
const inboxMode: InboxMode = process.env.BENCH_INBOX === 'poll' ? 'poll' : 'stream';

async function main(): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/';
  if (!(await mysqlReachable(serverUrl))) throw new Error(`The benchmark runs on MySQL/MariaDB; none answers at ${serverUrl}`);
  const appDb = `lianqin_bench_${process.pid}`;
  const engineDb = `lianqin_engine_bench_${process.pid}`;
  await recreateDatabases(serverUrl, [appDb, engineDb]);
  const jdbc = jdbcUrlOf(serverUrl, engineDb);
  // Full JIT for a steady-state measurement, unlike the quick-start defaults of tests.
  // A random engine admin password per run, as npm start generates one: nothing here knows a fixed password.
  const admin = { user: 'lianqin', password: randomBytes(24).toString('base64url') };
  const engine = await startEngine({ adminUser: admin.user, adminPassword: admin.password, jvmArgs: ['-XX:+UseParallelGC'], port: await freePort(), dataDir: mkdtempSync(path.join(tmpdir(), 'lianqin-bench-')), jdbcUrl: jdbc.jdbcUrl, jdbcUser: jdbc.user, jdbcPassword: jdbc.password });
  try {
    const config = configFrom({ PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: withDatabase(serverUrl, appDb), ENGINE_URL: engine.url, ENGINE_USER: admin.user, ENGINE_PASSWORD: admin.password, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lianqin-bench-data-')), WORKER_MAX_PARALLEL: '20', SIGN_IN_ATTEMPTS: '1000' });
    const server = await start(config);
    while (!server.state.deployment) await new Promise((resolve) => setTimeout(resolve, 200));
    console.log(`[bench] warm-up: ${warmup} cases each`);
    await runLianqin(server, warmup, concurrency, inboxMode);
    const lianqinStart = cpuSnapshot(engine.pid);
    const lianqin = await runLianqin(server, cases, concurrency, inboxMode);
    const lianqinCpu = cpuPerCase(lianqinStart, cpuSnapshot(engine.pid), cases);
    await server.stop();
    await runBare(engine.url, admin, warmup, concurrency);
    const bareStart = cpuSnapshot(engine.pid);
    const bare = await runBare(engine.url, admin, cases, concurrency);
    const bareCpu = cpuPerCase(bareStart, cpuSnapshot(engine.pid), cases);

    const casesPerS = cases / lianqin.seconds;
    const barePerS = cases / bare.seconds;
    const result = {
      cases,
      concurrency,
      inbox: inboxMode,
      cases_per_s: round(casesPerS),
      bare_per_s: round(barePerS),
      ratio: round(casesPerS / barePerS),
      dispatch_p50_ms: percentile(lianqin.dispatchMs, 50),
      dispatch_p95_ms: percentile(lianqin.dispatchMs, 95),
      report_to_inbox_p50_ms: percentile(lianqin.reportToInboxMs, 50),
      report_to_inbox_p95_ms: percentile(lianqin.reportToInboxMs, 95),
      cpu_ms_per_case: { lianqin: lianqinCpu, bare: bareCpu },
    };
    console.log(`
| measure                                    | value |
|--------------------------------------------|-------|
| cases (concurrency), inbox                 | ${cases} (${concurrency}), ${inboxMode} |
| Lianqin end to end, cases/s                | ${result.cases_per_s} |
| bare engine, same BPMN, no-op, cases/s     | ${result.bare_per_s} |
| ratio                                      | ${result.ratio} |
| dispatch: accepted → liaison inbox p50/p95 | ${result.dispatch_p50_ms} / ${result.dispatch_p95_ms} ms |
| report → liaison inbox p50/p95             | ${result.report_to_inbox_p50_ms} / ${result.report_to_inbox_p95_ms} ms |
| CPU per case, Lianqin: node / engine / db  | ${lianqinCpu.node_ms} / ${lianqinCpu.engine_ms} / ${lianqinCpu.mariadb_ms} ms |
| CPU per case, bare: node / engine / db     | ${bareCpu.node_ms} / ${bareCpu.engine_ms} / ${bareCpu.mariadb_ms} ms |
`);
    console.log(JSON.stringify(result));
  } finally {
    await engine.stop();
    await dropDatabases(serverUrl, [appDb, engineDb]);
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[bench] failed:', error);
    process.exit(1);
  },
);
