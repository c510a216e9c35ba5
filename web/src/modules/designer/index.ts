import type { RouteRecordRaw } from 'vue-router';
import { EditPen } from '@element-plus/icons-vue';
import type { Role } from '@contracts/auth';

/** Who edits and deploys models; the server checks the same on every /api/designer route. */
const designers: readonly Role[] = ['designer', 'admin'];

/** Routes of the designer module (设计): the model files and drafts, and the editor of one draft. */
export const routes: RouteRecordRaw[] = [
  {
    path: '/designer',
    name: 'designer',
    component: () => import('./views/DesignerFilesView.vue'),
    meta: { roles: designers, menu: { titleKey: 'designer.menu', icon: EditPen, order: 700 } },
  },
  {
    path: '/designer/drafts/:id(\\d+)',
    name: 'designer-draft',
    component: () => import('./views/DesignerEditorView.vue'),
    props: (route) => ({ draftId: Number(route.params.id) }),
    meta: { roles: designers },
  },
];
