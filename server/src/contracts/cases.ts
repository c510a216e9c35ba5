/** Shapes of /api/cases, shared by the server and the web app. */

/** Where a report came from. */
export type CaseSource = 'inspector' | 'hotline' | 'patrol' | 'open311' | 'joint-enforcement' | 'joint-patrol';

/** Where a case is in the closed loop. */
export type CaseStatus = 'registered' | 'rejected' | 'merged' | 'dispatched' | 'handled' | 'returned' | 'closed';

/** A case as lists and the create answer show it. */
export interface CaseSummary {
  caseNo: string;
  status: CaseStatus;
  categoryCode: string;
  categoryName: string | null;
  source: CaseSource;
  /** The joint operation (JO-…) or patrol run a case was filed from; null for other sources. */
  sourceRef: string | null;
  description: string;
  urgent: boolean;
  address: string | null;
  lng: number | null;
  lat: number | null;
  gridCode: string | null;
  streetCode: string | null;
  communityCode: string | null;
  departments: string[];
  reporter: string | null;
  createdAt: string;
  acceptDue: string | null;
  closedAt: string | null;
}

/** The stage of the closed loop a photo belongs to. */
export type PhotoStage = 'report' | 'handling' | 'verification';

/** A photo's metadata and the URL that serves its bytes. */
export interface PhotoView {
  id: number;
  stage: PhotoStage;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: string;
  url: string;
}

/** A comment with its author's name; `body` is left out where the caller may not read it. */
export interface CommentView {
  id: number;
  author: string;
  authorName: string | null;
  department: string | null;
  body?: string;
  createdAt: string;
}

/** One line of a case's history, whatever its source (case event, audit record, comment or engine). */
export interface TimelineEntry {
  at: string;
  kind: string;
  title: string;
  actor: string | null;
  department: string | null;
  /** Left out for public-security entries when the caller is another department's liaison. */
  detail?: unknown;
}

/** GET /api/cases/:caseNo: everything the case page shows. */
export interface CaseDetail extends CaseSummary {
  categoryClass: string | null;
  gridName: string | null;
  gridType: string | null;
  inspector: string | null;
  /** Display names of the reporter and the grid's inspector, where they have accounts. */
  reporterName: string | null;
  inspectorName: string | null;
  streetName: string | null;
  communityName: string | null;
  callerName: string | null;
  callerPhone: string | null;
  reworkCount: number;
  mergedInto: string | null;
  rejectReason: string | null;
  satisfaction: string | null;
  /** The police assistance request (警务协助) number; left out for other departments' liaisons. */
  assistanceRequestNo?: string | null;
  photos: PhotoView[];
  comments: CommentView[];
  timeline: TimelineEntry[];
  /** False when the engine could not be asked, so that the engine's steps are missing from the timeline. */
  timelineComplete: boolean;
}
