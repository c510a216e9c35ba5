import { ValidationError, type FieldIssue } from '../../errors/index.js';
import { hasRole, type CurrentUser } from '../auth/index.js';
import type { CaseFile, CaseSource } from './case-file.entity.js';
import type { ReportCaseBody } from './cases.schema.js';
import { createCase, type CaseDeps } from './cases.service.js';

/**
 * The source a report gets from its filer's role: the command centre names any source but Open311,
 * a hotline operator files 'hotline', an inspector 'inspector', a coordinator 'patrol'.
 */
export function reportSource(user: CurrentUser, requested: CaseSource | undefined): CaseSource {
  if (hasRole(user, 'command-centre')) {
    if (!requested) throw invalid('请选择上报来源', [{ path: 'body.source', message: '请选择来源：inspector、hotline 或 patrol' }]);
    if (requested === 'open311') throw invalid('Open311 案件只能通过开放接口上报', [{ path: 'body.source', message: 'Open311 案件只能通过开放接口上报' }]);
    return requested;
  }
  if (hasRole(user, 'hotline-operator')) return 'hotline';
  if (hasRole(user, 'inspector')) return 'inspector';
  return 'patrol';
}

/** Files a report through the HTTP API: decides the source, requires the caller of a hotline report, then createCase. */
export async function reportCase(deps: CaseDeps, user: CurrentUser, body: ReportCaseBody): Promise<CaseFile> {
  const source = reportSource(user, body.source);
  if (source === 'hotline') {
    const missing: FieldIssue[] = [];
    if (!body.callerName) missing.push({ path: 'body.callerName', message: '热线案件须填写来电人姓名' });
    if (!body.callerPhone) missing.push({ path: 'body.callerPhone', message: '热线案件须填写来电号码' });
    if (missing.length) throw invalid('热线案件须填写来电人姓名和电话', missing);
  }
  return createCase(deps, { ...body, source }, user.username);
}

function invalid(message: string, issues: FieldIssue[]): ValidationError {
  return new ValidationError(message, { issues });
}
