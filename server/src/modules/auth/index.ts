import { Router } from 'express';
import { defineModule } from '../module.js';
import { accountRoutes } from './accounts.routes.js';
import { UserSessionEntity } from './session.entity.js';
import { authRoutes } from './routes.js';
export { authRoutes } from './routes.js';
export { accountRoutes } from './accounts.routes.js';
export { endSessionsOf } from './sessions.js';
export { authenticate, requireUser, requireRole, userOf, sessionCookie } from './middleware.js';
export { signIn, userOfSession, toCurrentUser, type SignInAttempt } from './auth.service.js';
export { createPasswordCheck, type PasswordCheck } from './password-check.js';
export { normaliseUsername } from './username.js';
export { UserSessionEntity, type UserSession } from './session.entity.js';
export { hasRole, seesEverything, citywideRoles, type CurrentUser } from './current-user.js';

/** Sign-in, sessions and password changes, and the admin's account routes (which end sessions). */
export const authModule = defineModule({
  name: 'auth',
  entities: [UserSessionEntity],
  routes: ({ dataSource, config }) =>
    Router().use(authRoutes(dataSource, { secureCookies: config.PUBLIC_URL?.startsWith('https:') ?? false, signInAttempts: config.SIGN_IN_ATTEMPTS }), accountRoutes(dataSource)),
});
