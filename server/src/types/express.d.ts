import type { CurrentUser } from '../modules/auth/current-user.js';

declare global {
  namespace Express {
    interface Request {
      /** The signed-in user, set by the authenticate middleware. */
      user?: CurrentUser;
      /** The session token from the cookie, for sign-out. */
      sessionToken?: string;
    }
  }
}

export {};
