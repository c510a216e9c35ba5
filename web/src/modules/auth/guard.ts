import type { Router } from 'vue-router';
import { ElMessage } from 'element-plus';
import { onUnauthorized } from '@/api/http';
import { i18n } from '@/i18n';
import { useSession } from './composables/use-session';
import { homePathFor, redirectTarget } from './redirect';

/**
 * Guards every route: signed-out users go to /login?redirect=…, `/` and unknown paths go to the user's home page by
 * role, users without one of the route's `meta.roles` go to the 403 page, and a 401 from any API call ends the
 * session. Call before `app.use(router)`; the server checks the same.
 */
export function installAuthGuard(router: Router): void {
  const session = useSession();

  const exists = (path: string) => router.resolve(path).name !== 'not-found';

  router.beforeEach(async (to) => {
    const user = await session.load();
    if (to.meta.public) return to.name === 'login' && user ? redirectTarget(to.query.redirect) : true;
    if (!user) return { name: 'login', query: to.name === 'home' ? {} : { redirect: to.fullPath } };
    if (to.name === 'home' || to.name === 'not-found') return { path: homePathFor(user.roles, exists), replace: true };
    if (!session.hasAnyRole(to.meta.roles)) return { name: 'forbidden', query: { from: to.fullPath } };
    return true;
  });

  onUnauthorized(() => {
    if (!session.user.value) return;
    session.clear();
    ElMessage.warning(i18n.global.t('auth.sessionEnded'));
    const current = router.currentRoute.value;
    if (!current.meta.public) void router.replace({ name: 'login', query: { redirect: current.fullPath } });
  });
}
