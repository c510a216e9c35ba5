import { Router, type CookieOptions } from 'express';
import type { DataSource } from 'typeorm';
import { parseBody } from '../../http/validate.js';
import { changePasswordSchema, signInSchema } from './auth.schema.js';
import { changePassword, sessionLifetimeMs, signIn, signOut } from './auth.service.js';
import { requireUser, sessionCookie, userOf } from './middleware.js';
import { createPasswordCheck } from './password-check.js';
import { clientAddress, signInThrottle } from './sign-in-throttle.js';

/** POST /auth/login, POST /auth/logout, GET /auth/me, POST /auth/password. */
export function authRoutes(dataSource: DataSource, options: { secureCookies: boolean; signInAttempts: number }): Router {
  const router = Router();
  const cookie: CookieOptions = { httpOnly: true, sameSite: 'strict', secure: options.secureCookies, path: '/' };
  const throttle = signInThrottle(dataSource, options.signInAttempts);
  const passwords = createPasswordCheck();

  router.post('/auth/login', throttle, async (req, res) => {
    const { username, password } = parseBody(signInSchema, req);
    const session = await signIn(dataSource, passwords, { username, password, address: clientAddress(req) });
    res.cookie(sessionCookie, session.token, { ...cookie, maxAge: sessionLifetimeMs });
    res.json({ user: session.user, expiresAt: session.expiresAt.toISOString() });
  });

  router.post('/auth/logout', requireUser, async (req, res) => {
    await signOut(dataSource, req.sessionToken!, userOf(req));
    res.clearCookie(sessionCookie, cookie);
    res.status(204).end();
  });

  router.get('/auth/me', requireUser, (req, res) => {
    res.json({ user: userOf(req) });
  });

  router.post('/auth/password', requireUser, async (req, res) => {
    const body = parseBody(changePasswordSchema, req);
    await changePassword(dataSource, userOf(req), body.currentPassword, body.newPassword, req.sessionToken!);
    res.status(204).end();
  });
  return router;
}
