import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '@contracts/auth';

/** Who opens patrol pages: as the console, plus grid inspectors, who may be on a team (the server scopes each page to its plan's team and overseers). */
const patrolReaders: readonly Role[] = ['coordinator', 'command-centre', 'supervisor', 'admin', 'liaison', 'inspector'];

/**
 * Routes of joint patrols (联合巡查) in the coordinator's console: the plan editor, a plan, a run's live board and its
 * printable report. Patrols are listed with the operations on /operations, so they have no menu entry of their own.
 */
export const routes: RouteRecordRaw[] = [
  {
    path: '/patrols',
    redirect: { name: 'operations', query: { kind: 'patrol' } },
  },
  {
    path: '/patrols/new',
    name: 'patrol-new',
    component: () => import('./views/PatrolsPlanEditView.vue'),
    meta: { roles: ['coordinator'] },
  },
  {
    path: '/patrols/runs/:runRef',
    name: 'patrol-run',
    component: () => import('./views/PatrolsRunBoardView.vue'),
    props: true,
    meta: { roles: patrolReaders },
  },
  {
    path: '/patrols/runs/:runRef/report',
    name: 'patrol-run-report',
    component: () => import('./views/PatrolsRunReportView.vue'),
    props: true,
    meta: { roles: patrolReaders },
  },
  {
    path: '/patrols/:planRef',
    name: 'patrol-plan',
    component: () => import('./views/PatrolsPlanView.vue'),
    props: true,
    meta: { roles: patrolReaders },
  },
];
