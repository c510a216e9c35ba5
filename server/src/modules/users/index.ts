import { defineModule } from '../module.js';
import { UserEntity } from './user.entity.js';
export { UserEntity, type User } from './user.entity.js';
export { roles, type Role } from './roles.js';
export { createUserIfMissing, type SeedUser } from './seed-user.js';
export { createUserSchema, updateUserSchema, resetPasswordSchema, listUsersQuery, parseUserId } from './users.schema.js';
export { passwordRule } from './password-rule.js';
export { listUsers, createUser, updateUser, resetPassword, toUserView, type EndSessions } from './users.service.js';

/** Accounts with their department and roles. Their admin routes are mounted by auth, which guards them and owns sessions. */
export const usersModule = defineModule({ name: 'users', entities: [UserEntity] });
