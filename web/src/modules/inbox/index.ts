import type { RouteRecordRaw } from 'vue-router';
import InboxMenuIcon from './components/InboxMenuIcon.vue';

/** Routes of the department liaison's inbox: the task list and one task's page; every signed-in user may open them. */
export const routes: RouteRecordRaw[] = [
  {
    path: '/inbox',
    name: 'inbox',
    component: () => import('./views/InboxView.vue'),
    meta: { menu: { titleKey: 'inbox.menu', icon: InboxMenuIcon, order: 10 } },
  },
  {
    path: '/inbox/tasks/:taskId',
    name: 'inbox-task',
    component: () => import('./views/InboxTaskView.vue'),
    props: true,
  },
];
