import type zhCN from './zh-CN';

/** English messages, with the same keys as the Chinese ones. */
const en: typeof zhCN = {
  app: {
    name: 'Lianqin · Joint Enforcement for City Management',
    toggleMenu: 'Expand or collapse the menu',
    language: 'Language',
  },
  menu: {
    status: 'System status',
  },
  status: {
    title: 'System status',
    refresh: 'Refresh',
    checkedAt: 'Checked at {time}',
    overall: 'Overall status',
    level: { ok: 'OK', degraded: 'Degraded', down: 'Down' },
    reasons: 'Reasons',
    reason: {
      'deployment-failed': 'Process deployment failed',
      'engine-unreachable': 'Process engine unreachable',
      'deployment-pending': 'Processes not deployed yet',
    },
    none: 'None',
    engine: 'Process engine',
    reachable: 'Reachable',
    unreachable: 'Unreachable',
    version: 'Version',
    database: 'Database',
    databaseType: { mysql: 'MySQL', mariadb: 'MariaDB', sqljs: 'sql.js (embedded)' },
    workers: 'External task workers',
    workerMode: { 'in-process': 'Inside the server process', separate: 'Separate process' },
    topics: 'Topics',
    deployedAt: 'Last deployment',
    fetchFailed: 'Cannot load the system status',
    fetchFailedHint: 'Check that the server is running; the page retries automatically.',
    resources: {
      title: 'Process resources',
      file: 'File',
      status: 'Status',
      message: 'Message',
      line: 'Line',
      empty: 'No process resources',
      state: { deployed: 'Deployed', unchanged: 'Unchanged', failed: 'Deployment failed' },
    },
  },
};

export default en;
