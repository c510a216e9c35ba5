export { roles, type Role } from '../../contracts/auth.js';
