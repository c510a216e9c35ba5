import { defineModule } from '../module.js';
import { UserEntity } from './user.entity.js';
import { userRoutes } from './routes.js';
export { UserEntity, type User } from './user.entity.js';
export { roles, type Role } from './roles.js';
export { createUserIfMissing, type SeedUser } from './seed-user.js';
export { userRoutes } from './routes.js';
export { createUserSchema } from './users.schema.js';
export { passwordRule } from './password-rule.js';
export { listUsers, createUser, updateUser, resetPassword, toUserView } from './users.service.js';

/** Accounts with their department and roles; the admin's /users routes. */
export const usersModule = defineModule({ name: 'users', entities: [UserEntity], routes: ({ dataSource }) => userRoutes(dataSource) });
