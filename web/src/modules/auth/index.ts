import type { RouteRecordRaw } from 'vue-router';

export { installAuthGuard } from './guard';
export { useSession, type UseSessionReturn } from './composables/use-session';
export { fieldErrorsOf, errorMessageOf, type FieldErrors } from '@/api/api-errors';
export { homePath } from './redirect';
export { passwordRules, confirmPasswordRules } from './password-rules';
export { default as AuthPasswordDialog } from './components/AuthPasswordDialog.vue';

/** Routes of the auth module: the sign-in page (open to all) and the page shown when a role is missing. */
export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./views/AuthLoginView.vue'),
    meta: { public: true },
  },
  {
    path: '/403',
    name: 'forbidden',
    component: () => import('./views/AuthForbiddenView.vue'),
  },
];
