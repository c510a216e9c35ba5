import { Router } from 'express';
import type { DataSource } from 'typeorm';
import { parseBody, parseQuery } from '../../http/validate.js';
import { requireRole, userOf } from '../auth/index.js';
import { createUserSchema, listUsersQuery, parseUserId, resetPasswordSchema, updateUserSchema } from './users.schema.js';
import { createUser, listUsers, resetPassword, updateUser } from './users.service.js';

/** The admin screen's accounts: GET /users, POST /users, PATCH /users/:id, POST /users/:id/password. */
export function userRoutes(dataSource: DataSource): Router {
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
    res.json(await updateUser(dataSource, userOf(req), id, parseBody(updateUserSchema, req)));
  });
  router.post('/users/:id/password', admins, async (req, res) => {
    const id = parseUserId(req.params.id);
    await resetPassword(dataSource, userOf(req), id, parseBody(resetPasswordSchema, req).password);
    res.status(204).end();
  });
  return router;
}
