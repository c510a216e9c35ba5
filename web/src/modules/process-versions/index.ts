import type { RouteRecordRaw } from 'vue-router';
import { Collection } from '@element-plus/icons-vue';
import type { Role } from '@contracts/auth';

/** Who works with process versions; the server checks the same on every /api/designer route. */
const designers: readonly Role[] = ['designer', 'admin'];

/** Routes of the process versions module: keys, a key's versions, the visual diff and a version's live view. */
export const routes: RouteRecordRaw[] = [
  {
    path: '/designer/processes',
    name: 'designer-processes',
    component: () => import('./views/ProcessKeysView.vue'),
    meta: { roles: designers, menu: { titleKey: 'processVersions.menu', icon: Collection, order: 710 } },
  },
  {
    path: '/designer/processes/:key',
    name: 'designer-process-versions',
    component: () => import('./views/ProcessVersionsView.vue'),
    props: (route) => ({ processKey: String(route.params.key) }),
    meta: { roles: designers },
  },
  {
    path: '/designer/diff',
    name: 'designer-diff',
    component: () => import('./views/ProcessDiffView.vue'),
    meta: { roles: designers },
  },
  {
    path: '/designer/definitions/:id/live',
    name: 'designer-live',
    component: () => import('./views/ProcessLiveView.vue'),
    props: (route) => ({ definitionId: String(route.params.id) }),
    meta: { roles: designers },
  },
];
