import type { RouteRecordRaw } from 'vue-router';
import { Shop } from '@element-plus/icons-vue';
import type { Role } from '@contracts/auth';

/** Who reads shop files; the server also limits liaisons to the four departments. */
const shopReaders: readonly Role[] = ['command-centre', 'supervisor', 'admin', 'coordinator', 'liaison'];

/** Routes of the shops module (商户档案): the list with search and map, and one shop's file. */
export const routes: RouteRecordRaw[] = [
  {
    path: '/shops',
    name: 'shops',
    component: () => import('./views/ShopsListView.vue'),
    meta: { roles: shopReaders, menu: { titleKey: 'shops.menu', icon: Shop, order: 30 } },
  },
  {
    path: '/shops/:id(\\d+)',
    name: 'shop-file',
    component: () => import('./views/ShopFileView.vue'),
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { roles: shopReaders },
  },
];
