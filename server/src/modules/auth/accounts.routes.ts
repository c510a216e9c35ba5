import { Router } from 'express';
import type { DataSource } from 'typeorm';
import { parseBody, parseQuery } from '../../http/validate.js';
import { createUser, createUserSchema, listUsers, listUsersQuery, parseUserId, resetPassword, resetPasswordSchema, updateUser, updateUserSchema } from '../users/index.js';
import { requireRole, userOf } from './middleware.js';
import { endSessionsOf } from './sessions.js';

/**
 * The admin screen's accounts: GET /users, POST /users, PATCH /users/:id, POST /users/:id/password. They live with
 * auth, which guards them and ends sessions, so that the users module needs nothing of auth.
 */
export function accountRoutes(dataSource: DataSource): Router {
  const router = Router();
  // On each route, not router.use('/users'): an unknown path under /users is a 404 for everyone, not a 403.
  const admins = requireRole('admin');
  router.get('/users', admins, async (req, res) => {
    res.json(await listUsers(dataSource, parseQuery(listUsersQuery, req)));
  });
  router.post('/users', admins, async (req, res) => {
    res.status(201).json(await createUser(dataSource, userOf(req), parseBody(createUserSchema, req)));
  });
  router.patch('/users/:id', admins, async (req, res) => {
    const id = parseUserId(req.params.id);
    res.json(await updateUser(dataSource, userOf(req), id, parseBody(updateUserSchema, req), endSessionsOf));
  });
  router.post('/users/:id/password', admins, async (req, res) => {
    const id = parseUserId(req.params.id);
    await resetPassword(dataSource, userOf(req), id, parseBody(resetPasswordSchema, req).password, endSessionsOf);
    res.status(204).end();
  });
  return router;
}
