import { Router, type RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { ForbiddenError } from '../../errors/index.js';
import { parseQuery } from '../../http/validate.js';
import { hasRole, requireRole, userOf } from '../auth/index.js';
import { isDepartmentCode } from '../departments/index.js';
import { listShopsQuery, parseShopId } from './shops.schema.js';
import { getShopFile, listShops } from './shops.query.js';

/**
 * Who reads shop files: the command centre, supervisors, admins and coordinators, and the liaisons of the four
 * departments, since a shop file is enforcement information every department needs in joint enforcement.
 */
const shopReaderRoles = ['command-centre', 'supervisor', 'admin', 'coordinator', 'liaison'] as const;

/** 403 for a liaison of a unit that is not one of the four departments. */
const departmentLiaisonsOnly: RequestHandler = (req, _res, next) => {
  const user = userOf(req);
  const byRole = hasRole(user, 'command-centre', 'supervisor', 'admin', 'coordinator');
  next(byRole || (user.departmentCode !== null && isDepartmentCode(user.departmentCode)) ? undefined : new ForbiddenError('只有四个执法部门的联络员可以查看商户档案'));
};

/** GET /shops and GET /shops/:id, read-only: shop files change through recordShopMeasure and the yearly reset only. */
export function shopRoutes(dataSource: DataSource): Router {
  const router = Router();
  const readers = [requireRole(...shopReaderRoles), departmentLiaisonsOnly];
  router.get('/shops', ...readers, async (req, res) => {
    res.json(await listShops(dataSource, parseQuery(listShopsQuery, req)));
  });
  router.get('/shops/:id', ...readers, async (req, res) => {
    res.json(await getShopFile(dataSource, parseShopId(req.params.id)));
  });
  return router;
}
