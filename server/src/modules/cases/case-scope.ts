import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { ForbiddenError, NotFoundError } from '../../errors/index.js';
import { hasRole, seesEverything, type CurrentUser } from '../auth/index.js';
import { isDepartmentCode } from '../departments/index.js';
import type { Role } from '../users/index.js';
import { CaseFileEntity, type CaseFile } from './case-file.entity.js';

/** Roles that see some cases; everyone else is refused with 403. */
export const caseReaderRoles: readonly Role[] = ['command-centre', 'supervisor', 'admin', 'liaison', 'inspector', 'hotline-operator'];

/** The department whose details other departments' liaisons may not read. */
export const restrictedDepartment = 'public-security';

/** 403 unless the user holds a role that sees cases at all. */
export function assertCaseReader(user: CurrentUser): void {
  if (!hasRole(user, ...caseReaderRoles)) throw new ForbiddenError('您的角色无权查看案件');
}

/**
 * A SQL condition "the comma-separated departments column holds this department", portable to MySQL and SQLite.
 * Only known department codes reach it, so they carry no LIKE wildcards.
 */
export function departmentsContain(alias: string, param: string, department: string): [string, Record<string, string>] {
  const column = `${alias}.departments`;
  return [
    `(${column} = :${param} OR ${column} LIKE :${param}Head OR ${column} LIKE :${param}Tail OR ${column} LIKE :${param}Mid)`,
    { [param]: department, [`${param}Head`]: `${department},%`, [`${param}Tail`]: `%,${department}`, [`${param}Mid`]: `%,${department},%` },
  ];
}

/**
 * Narrows a case query (alias c) to the caller's data scope:
 * command centre, supervisors and admins see everything; a liaison the cases dispatched to their department;
 * an inspector the cases in their grids and those they reported; a hotline operator those they reported.
 */
export function applyCaseScope(qb: SelectQueryBuilder<CaseFile>, user: CurrentUser): SelectQueryBuilder<CaseFile> {
  assertCaseReader(user);
  if (seesEverything(user)) return qb;
  return qb.andWhere(
    new Brackets((scope) => {
      scope.where('1 = 0');
      if (hasRole(user, 'liaison') && user.departmentCode && isDepartmentCode(user.departmentCode)) {
        const [condition, parameters] = departmentsContain('c', 'scopeDepartment', user.departmentCode);
        scope.orWhere(condition, parameters);
      }
      if (hasRole(user, 'inspector')) {
        scope.orWhere('c.gridCode IN (SELECT g.code FROM unit_grid g WHERE g.inspector = :scopeUser)', { scopeUser: user.username });
      }
      if (hasRole(user, 'inspector', 'hotline-operator')) scope.orWhere('c.reporter = :scopeUser', { scopeUser: user.username });
    }),
  );
}

/** The case of that number if the caller may see it; otherwise 404, so that a case outside the scope looks absent. */
export async function loadVisibleCase(manager: EntityManager, user: CurrentUser, caseNo: string): Promise<CaseFile> {
  const qb = applyCaseScope(manager.createQueryBuilder(CaseFileEntity, 'c'), user);
  const found = /^\d{8,32}$/.test(caseNo) ? await qb.andWhere('c.caseNo = :caseNo', { caseNo }).getOne() : null;
  if (!found) throw new NotFoundError(`案件 ${caseNo} 不存在`, { resource: 'case', id: caseNo });
  return found;
}

/** Whether public-security details are hidden from the caller: a liaison of another department. */
export function hidesRestrictedDetails(user: CurrentUser): boolean {
  return hasRole(user, 'liaison') && !seesEverything(user) && user.departmentCode !== restrictedDepartment;
}
