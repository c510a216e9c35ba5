import type { RouteRecordRaw } from 'vue-router';
import { Tickets, User } from '@element-plus/icons-vue';

/** Routes of the admin module: accounts and roles (administrators) and the audit log (administrators and supervisors). */
export const routes: RouteRecordRaw[] = [
  {
    path: '/admin/users',
    name: 'admin-users',
    component: () => import('./views/AdminUsersView.vue'),
    meta: { roles: ['admin'], menu: { titleKey: 'admin.menu.users', icon: User, order: 800 } },
  },
  {
    path: '/admin/audit',
    name: 'admin-audit',
    component: () => import('./views/AdminAuditView.vue'),
    meta: { roles: ['admin', 'supervisor'], menu: { titleKey: 'admin.menu.audit', icon: Tickets, order: 810 } },
  },
];
