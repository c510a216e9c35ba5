import { Router, type CookieOptions } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { DataSource } from 'typeorm';
import { TooManyRequestsError } from '../../errors/index.js';
import { parseBody } from '../../http/validate.js';
import { changePasswordSchema, signInSchema } from './auth.schema.js';
import { changePassword, sessionLifetimeMs, signIn, signOut } from './auth.service.js';
import { requireUser, sessionCookie, userOf } from './middleware.js';

/** POST /auth/login, POST /auth/logout, GET /auth/me, POST /auth/password. */
export function authRoutes(dataSource: DataSource, options: { secureCookies: boolean; signInAttempts: number }): Router {
  const router = Router();
  const cookie: CookieOptions = { httpOnly: true, sameSite: 'strict', secure: options.secureCookies, path: '/' };
  // Per address and user name, so one person's typos do not lock out a shared office address.
  const throttle = rateLimit({
    windowMs: 15 * 60_000,
    limit: options.signInAttempts,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}:${String((req.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
    handler: (_req, _res, next) => next(new TooManyRequestsError('登录尝试过于频繁，请 15 分钟后再试')),
    skipSuccessfulRequests: true,
  });

  router.post('/auth/login', throttle, async (req, res) => {
    const { username, password } = parseBody(signInSchema, req);
    const session = await signIn(dataSource, username, password);
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
