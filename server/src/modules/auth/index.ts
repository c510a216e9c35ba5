export { authRoutes } from './routes.js';
export { passwordRule } from './auth.schema.js';
export { authenticate, requireUser, requireRole, userOf, sessionCookie } from './middleware.js';
export { signIn, userOfSession, toCurrentUser } from './auth.service.js';
export { UserSessionEntity, type UserSession } from './session.entity.js';
export { hasRole, seesEverything, citywideRoles, type CurrentUser } from './current-user.js';
