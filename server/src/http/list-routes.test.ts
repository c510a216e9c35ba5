import express, { Router } from 'express';
import { describe, expect, it } from 'vitest';
import { listRoutes } from './list-routes.js';

describe('listRoutes', () => {
  it('lists the routes of routers mounted under the prefix, nested ones included, and nothing else', () => {
    // given an app with a mounted router, a nested router and routes outside the prefix
    const nested = Router();
    nested.post('/items/:id', (_req, res) => res.end());
    const api = Router();
    api.use((_req, _res, next) => next());
    api.get('/things', (_req, res) => res.end());
    api.route('/things/:id').get((_req, res) => res.end()).patch((_req, res) => res.end());
    api.use('/nested', nested);
    const app = express();
    app.use('/api', api);
    app.get('/api/direct', (_req, res) => res.end());
    app.get('/web', (_req, res) => res.end());

    // when
    const routes = listRoutes(app, '/api');

    // then
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/direct', 'POST /api/nested/items/:id', 'GET /api/things', 'GET /api/things/:id', 'PATCH /api/things/:id']);
  });
});
