import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type AugmentedRequest } from 'express-rate-limit';
import type { DataSource } from 'typeorm';
import { TooManyRequestsError } from '../../errors/index.js';
import { recordAudit } from '../audit/index.js';
import { normaliseUsername } from './username.js';

/** How long failed sign-ins are counted. */
export const signInWindowMs = 15 * 60_000;

/** The client's address: the peer, or the forwarded address when the TRUST_PROXY setting trusts the proxy in front. */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** The normalised user name of a sign-in body of any shape; empty when there is none. */
export function attemptedUsername(body: unknown): string {
  const raw = (body as { username?: unknown } | undefined)?.username;
  return typeof raw === 'string' ? normaliseUsername(raw) : '';
}

/**
 * Counts failed sign-ins per client address and normalised user name. "Name " and "NAME" count against "name", and
 * failures from one address do not lock the account for its owner at another. The first refusal of a window is audited.
 */
export function signInThrottle(dataSource: DataSource, attempts: number): RequestHandler {
  return rateLimit({
    windowMs: signInWindowMs,
    limit: attempts,
    keyGenerator: (req) => `${ipKeyGenerator(clientAddress(req))}:${attemptedUsername(req.body)}`,
    skipSuccessfulRequests: true,
    handler: (req, _res, next) => {
      const refusal = new TooManyRequestsError('登录尝试过于频繁，请 15 分钟后再试');
      // Later refusals of the same window say nothing new, and must not let a flood of requests fill the audit log.
      if ((req as AugmentedRequest).rateLimit?.used !== attempts + 1) return next(refusal);
      const entry = { address: clientAddress(req), attempts, windowMinutes: signInWindowMs / 60_000 };
      recordAudit(dataSource.manager, { actor: 'anonymous', action: 'auth.sign-in-throttled', targetType: 'user', targetId: attemptedUsername(req.body), after: entry }).then(
        () => next(refusal),
        next,
      );
    },
  });
}
