import { EntitySchema } from 'typeorm';

/** A signed-in session; only the SHA-256 of its token is stored. */
export interface UserSession {
  tokenHash: string;
  userId: number;
  createdAt: Date;
  expiresAt: Date;
}

export const UserSessionEntity = new EntitySchema<UserSession>({
  name: 'UserSession',
  tableName: 'user_session',
  columns: {
    tokenHash: { name: 'token_hash', type: 'varchar', length: 64, primary: true },
    userId: { name: 'user_id', type: 'integer' },
    createdAt: { name: 'created_at', type: 'datetime', precision: 3 },
    expiresAt: { name: 'expires_at', type: 'datetime', precision: 3 },
  },
});
