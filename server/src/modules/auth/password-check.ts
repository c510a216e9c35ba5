import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Verifies sign-in passwords; one per app, made at start-up, and replaceable in tests to watch the calls. */
export interface PasswordCheck {
  /** Whether the password matches the argon2 hash. */
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** A hash of a random secret that no password matches, with the same argon2 parameters as the accounts' hashes. */
  readonly dummyHash: Promise<string>;
}

/**
 * The argon2 check of the app. Unknown names and inactive accounts are verified against the dummy hash, so that every
 * failed sign-in costs one argon2 verification and the answer time does not tell which names exist.
 */
export function createPasswordCheck(): PasswordCheck {
  const dummyHash = hash(randomBytes(32).toString('base64url'));
  // A failure here shows at the first sign-in; it must not become an unhandled rejection at start-up.
  dummyHash.catch(() => undefined);
  return { verify: (passwordHash, password) => verify(passwordHash, password), dummyHash };
}
