export { authRoutes } from './routes.js';
export { passwordRule } from './auth.schema.js';
export { authenticate, requireUser, requireRole, userOf, sessionCookie } from './middleware.js';
export { signIn, userOfSession, toCurrentUser, type SignInAttempt } from './auth.service.js';
export { createPasswordCheck, type PasswordCheck } from './password-check.js';
export { normaliseUsername } from './username.js';
export { UserSessionEntity, type UserSession } from './session.entity.js';
export { hasRole, seesEverything, citywideRoles, type CurrentUser } from './current-user.js';
