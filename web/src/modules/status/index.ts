import type { RouteRecordRaw } from 'vue-router';
import StatusMenuIcon from './components/StatusMenuIcon.vue';

/** Routes of the system status module: one page showing GET /api/health. */
export const routes: RouteRecordRaw[] = [
  {
    path: '/status',
    name: 'status',
    component: () => import('./views/StatusView.vue'),
    meta: { menu: { titleKey: 'menu.status', icon: StatusMenuIcon, order: 900 } },
  },
];
