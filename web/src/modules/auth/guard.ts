import type { Router } from 'vue-router';
import { ElMessage } from 'element-plus';
import { onUnauthorized } from '@/api/http';
import { i18n } from '@/i18n';
import { useSession } from './composables/use-session';
import { redirectTarget } from './redirect';

/**
 * Guards every route: signed-out users go to /login?redirect=…, users without one of the route's `meta.roles` go to
 * the 403 page, and a 401 from any API call ends the session. Call before `app.use(router)`; the server checks the same.
 */
export function installAuthGuard(router: Router): void {
  const session = useSession();

  router.beforeEach(async (to) => {
    const user = await session.load();
    if (to.meta.public) return to.name === 'login' && user ? redirectTarget(to.query.redirect) : true;
    if (!user) return { name: 'login', query: { redirect: to.fullPath } };
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
