/** Longest user name an account may have (the app_user.username column); longer input is cut to this in keys and audit. */
export const usernameMaxLength = 64;

/**
 * The one form of a typed user name that sign-in looks up, throttles on and audits: trimmed and lower-case. Accounts
 * are created lower-case (users.schema), so the exact comparison after the lookup holds on SQLite and on MySQL alike.
 */
export function normaliseUsername(raw: string): string {
  return raw.trim().toLowerCase().slice(0, usernameMaxLength);
}
