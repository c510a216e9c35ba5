import type { RouteRecordRaw } from 'vue-router';
import { Flag } from '@element-plus/icons-vue';
import type { Role } from '@contracts/auth';

/** Who opens the console: coordinators plan and steer, the command centre and supervisors approve, liaisons see their department's operations (the server filters). */
const consoleRoles: readonly Role[] = ['coordinator', 'command-centre', 'supervisor', 'admin', 'liaison'];

/** Routes of the coordinator's console for joint operations (联合行动): the list and calendar, the plan editor, the live board and the report. */
export const routes: RouteRecordRaw[] = [
  {
    path: '/operations',
    name: 'operations',
    component: () => import('./views/OperationsView.vue'),
    meta: { roles: consoleRoles, menu: { titleKey: 'operations.menu', icon: Flag, order: 20 } },
  },
  {
    path: '/operations/new',
    name: 'operation-new',
    component: () => import('./views/OperationsPlanView.vue'),
    meta: { roles: ['coordinator'] },
  },
  {
    path: '/operations/:operationRef',
    name: 'operation-board',
    component: () => import('./views/OperationsBoardView.vue'),
    props: true,
    meta: { roles: consoleRoles },
  },
  {
    path: '/operations/:operationRef/edit',
    name: 'operation-edit',
    component: () => import('./views/OperationsPlanView.vue'),
    props: true,
    meta: { roles: ['coordinator'] },
  },
  {
    path: '/operations/:operationRef/report',
    name: 'operation-report',
    component: () => import('./views/OperationsReportView.vue'),
    props: true,
    meta: { roles: consoleRoles },
  },
];
