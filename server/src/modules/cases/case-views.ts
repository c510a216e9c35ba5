import { categoryOf } from '../categories/index.js';
import type { CaseComment } from './case-comment.entity.js';
import type { CaseFile } from './case-file.entity.js';
import type { CasePhoto } from './case-photo.entity.js';
import type { CaseSummary, CommentView, PhotoView } from '../../contracts/cases.js';

export type { CaseSummary, CommentView, PhotoView };


const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The departments column as a list. */
export function departmentsOf(c: CaseFile): string[] {
  return c.departments ? c.departments.split(',').filter(Boolean) : [];
}

/** The summary of a case row, with its category name and departments as a list. */
export function caseSummary(c: CaseFile): CaseSummary {
  return {
    caseNo: c.caseNo,
    status: c.status,
    categoryCode: c.categoryCode,
    categoryName: categoryOf(c.categoryCode)?.name ?? null,
    source: c.source,
    sourceRef: c.sourceRef,
    description: c.description,
    urgent: Boolean(c.urgent),
    address: c.address,
    lng: c.lng,
    lat: c.lat,
    gridCode: c.gridCode,
    streetCode: c.streetCode,
    communityCode: c.communityCode,
    departments: departmentsOf(c),
    reporter: c.reporter,
    createdAt: c.createdAt.toISOString(),
    acceptDue: iso(c.acceptDue),
    closedAt: iso(c.closedAt),
  };
}

/** A photo row as the API shows it, with the URL of its bytes. */
export function photoView(caseNo: string, p: CasePhoto): PhotoView {
  return {
    id: p.id,
    stage: p.stage,
    fileName: p.fileName,
    mimeType: p.mimeType,
    sizeBytes: p.sizeBytes,
    uploadedBy: p.uploadedBy,
    uploadedAt: p.uploadedAt.toISOString(),
    url: `/api/cases/${encodeURIComponent(caseNo)}/photos/${p.id}`,
  };
}

/** A comment row with its author's name and department; hideBody leaves the text out. */
export function commentView(c: CaseComment, author: { displayName: string; departmentCode: string | null } | undefined, hideBody = false): CommentView {
  return {
    id: c.id,
    author: c.author,
    authorName: author?.displayName ?? null,
    department: author?.departmentCode ?? null,
    ...(hideBody ? {} : { body: c.body }),
    createdAt: c.createdAt.toISOString(),
  };
}
