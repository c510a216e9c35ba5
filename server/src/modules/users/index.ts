export { UserEntity, type User } from './user.entity.js';
export { roles, type Role } from './roles.js';
export { createUserIfMissing, type SeedUser } from './seed-user.js';
