import { defineModule } from '../module.js';
import { UserSessionEntity } from './session.entity.js';
import { authRoutes } from './routes.js';
export { authRoutes } from './routes.js';
export { authenticate, requireUser, requireRole, userOf, sessionCookie } from './middleware.js';
export { signIn, userOfSession, toCurrentUser, type SignInAttempt } from './auth.service.js';
export { createPasswordCheck, type PasswordCheck } from './password-check.js';
export { normaliseUsername } from './username.js';
export { UserSessionEntity, type UserSession } from './session.entity.js';
export { hasRole, seesEverything, citywideRoles, type CurrentUser } from './current-user.js';

/** Sign-in, sessions and password changes. */
export const authModule = defineModule({
  name: 'auth',
  entities: [UserSessionEntity],
  routes: ({ dataSource, config }) => authRoutes(dataSource, { secureCookies: config.PUBLIC_URL?.startsWith('https:') ?? false, signInAttempts: config.SIGN_IN_ATTEMPTS }),
});
