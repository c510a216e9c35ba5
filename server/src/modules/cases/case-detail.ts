import { In, type DataSource } from 'typeorm';
import type { EngineClient } from '../../engine/index.js';
import { auditTrail } from '../audit/index.js';
import type { CurrentUser } from '../auth/index.js';
import { categoryOf } from '../categories/index.js';
import { AssistanceRequestEntity } from '../department-records/index.js';
import { DepartmentEntity } from '../departments/index.js';
import { CommunityEntity, gridDisplayName, StreetEntity, UnitGridEntity } from '../grids/index.js';
import { UserEntity } from '../users/index.js';
import { CaseEventEntity } from './case-event.entity.js';
import { CaseCommentEntity } from './case-comment.entity.js';
import { CasePhotoEntity } from './case-photo.entity.js';
import { hidesRestrictedDetails, loadVisibleCase, restrictedDepartment } from './case-scope.js';
import { caseSummary, commentView, photoView } from './case-views.js';
import type { CaseDetail } from '../../contracts/cases.js';

export type { CaseDetail };
import { caseTimeline, redactTimeline, type PeopleDirectory } from './timeline.js';

/** The case with names, photos, comments and its merged timeline, as the caller may see it (404 outside their scope). */
export async function getCaseDetail(deps: { dataSource: DataSource; engine: EngineClient }, user: CurrentUser, caseNo: string): Promise<CaseDetail> {
  const manager = deps.dataSource.manager;
  const c = await loadVisibleCase(manager, user, caseNo);
  const [grid, street, community, photos, comments, events, audits, assistance, departments] = await Promise.all([
    c.gridCode ? manager.findOneBy(UnitGridEntity, { code: c.gridCode }) : null,
    c.streetCode ? manager.findOneBy(StreetEntity, { code: c.streetCode }) : null,
    c.communityCode ? manager.findOneBy(CommunityEntity, { code: c.communityCode }) : null,
    manager.find(CasePhotoEntity, { where: { caseId: c.id }, order: { id: 'ASC' } }),
    manager.find(CaseCommentEntity, { where: { caseId: c.id }, order: { id: 'ASC' } }),
    manager.find(CaseEventEntity, { where: { caseId: c.id }, order: { id: 'ASC' } }),
    auditTrail(manager, 'case', c.caseNo),
    manager.findOne(AssistanceRequestEntity, { where: { caseId: c.id }, order: { id: 'DESC' } }),
    manager.find(DepartmentEntity),
  ]);
  const people = await directoryOf(deps.dataSource, [...comments.map((m) => m.author), ...audits.map((a) => a.actor), ...[c.reporter, grid?.inspector].filter((u): u is string => Boolean(u))]);
  const departmentNames = new Map(departments.map((d) => [d.code, d.nameZh]));
  const { entries, complete } = await caseTimeline(c, { engine: deps.engine, events, audits, comments, people, departmentNames });
  const hide = hidesRestrictedDetails(user);
  const category = categoryOf(c.categoryCode);
  return {
    ...caseSummary(c),
    categoryClass: category?.className ?? null,
    gridName: grid ? gridDisplayName(grid.code, community?.name) : null,
    gridType: grid?.gridType ?? null,
    inspector: grid?.inspector ?? null,
    reporterName: c.reporter ? (people.get(c.reporter)?.displayName ?? null) : null,
    inspectorName: grid?.inspector ? (people.get(grid.inspector)?.displayName ?? null) : null,
    streetName: street?.name ?? null,
    communityName: community?.name ?? null,
    callerName: c.callerName,
    callerPhone: c.callerPhone,
    reworkCount: c.reworkCount,
    mergedInto: c.mergedInto,
    rejectReason: c.rejectReason,
    satisfaction: c.satisfaction,
    ...(hide ? {} : { assistanceRequestNo: assistance?.requestNo ?? null }),
    photos: photos.map((p) => photoView(c.caseNo, p)),
    comments: comments.map((m) => {
      const author = people.get(m.author);
      return commentView(m, author, hide && author?.departmentCode === restrictedDepartment);
    }),
    timeline: redactTimeline(entries, hide),
    timelineComplete: complete,
  };
}

/** Display names and departments of the named users. */
async function directoryOf(dataSource: DataSource, usernames: string[]): Promise<PeopleDirectory> {
  const unique = [...new Set(usernames)];
  const users = unique.length ? await dataSource.manager.find(UserEntity, { where: { username: In(unique) }, select: { username: true, displayName: true, departmentCode: true } }) : [];
  return new Map(users.map((u) => [u.username, { displayName: u.displayName, departmentCode: u.departmentCode }]));
}
