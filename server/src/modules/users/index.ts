export { UserEntity, type User } from './user.entity.js';
export { roles, type Role } from './roles.js';
export { createUserIfMissing, type SeedUser } from './seed-user.js';
export { userRoutes } from './routes.js';
export { createUserSchema } from './users.schema.js';
export { listUsers, createUser, updateUser, resetPassword, toUserView } from './users.service.js';
