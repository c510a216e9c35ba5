import { EntitySchema } from 'typeorm';
import type { Role } from './roles.js';

/** A person who signs in to Lianqin. */
export interface User {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  departmentCode: string | null;
  roles: Role[];
  active: boolean;
  createdAt: Date;
}

export const UserEntity = new EntitySchema<User>({
  name: 'User',
  tableName: 'app_user',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    username: { type: 'varchar', length: 64, unique: true },
    displayName: { name: 'display_name', type: 'varchar', length: 64 },
    passwordHash: { name: 'password_hash', type: 'varchar', length: 255 },
    departmentCode: { name: 'department_code', type: 'varchar', length: 64, nullable: true },
    // Comma-separated in a varchar, portable across MySQL and SQLite.
    roles: { type: 'varchar', length: 255, transformer: { to: (r: Role[]) => r.join(','), from: (s: string) => (s ? (s.split(',') as Role[]) : []) } },
    active: { type: 'boolean', default: true },
    createdAt: { name: 'created_at', type: 'datetime', precision: 3 },
  },
});
