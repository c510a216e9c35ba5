import type { RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { ForbiddenError, UnauthorizedError } from '../../errors/index.js';
import type { Role } from '../users/index.js';
import { userOfSession } from './auth.service.js';
import type { CurrentUser } from './current-user.js';

/** Name of the httpOnly session cookie. */
export const sessionCookie = 'lianqin_session';

/** Reads the session cookie and sets req.user when the session is live. Never rejects by itself. */
export function authenticate(dataSource: DataSource): RequestHandler {
  return async (req, _res, next) => {
    const token = (req.cookies as Record<string, string> | undefined)?.[sessionCookie];
    if (token) {
      req.user = await userOfSession(dataSource, token);
      req.sessionToken = token;
    }
    next();
  };
}

/** 401 unless signed in. */
export const requireUser: RequestHandler = (req, _res, next) => {
  next(req.user ? undefined : new UnauthorizedError('请先登录 (sign in first)'));
};

/** 401 unless signed in, 403 unless the user holds one of the roles. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.user) return next(new UnauthorizedError('请先登录 (sign in first)'));
    if (!req.user.roles.some((r) => roles.includes(r))) return next(new ForbiddenError('您的角色无权执行此操作'));
    next();
  };
}

/** The signed-in user of a request that passed requireUser. */
export function userOf(req: { user?: CurrentUser }): CurrentUser {
  if (!req.user) throw new UnauthorizedError('请先登录 (sign in first)');
  return req.user;
}
