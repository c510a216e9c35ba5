/** Shapes of the designer's drafts, lint, deploy and worker APIs (/api/designer/...), shared by server and web. */

/** What a model file is: a BPMN process, a DMN decision or a Camunda Form. */
export type ModelKind = 'bpmn' | 'dmn' | 'form';

/** A file shipped in processes/. */
export interface ShippedFile {
  fileName: string;
  kind: ModelKind;
}

/** A shipped file with its content: GET /api/designer/shipped/:fileName. */
export interface ShippedFileContent extends ShippedFile {
  content: string;
}

/** A draft as the file list shows it. */
export interface DraftSummary {
  id: number;
  fileName: string;
  kind: ModelKind;
  /** Counts from 1; every save adds one. */
  revision: number;
  /** Username of the author of the current revision. */
  updatedBy: string;
  updatedByName: string;
  /** ISO time of the current revision. */
  updatedAt: string;
  /** The comment of the current revision, or null. */
  comment: string | null;
}

/** A draft with the content of its current revision (or of the revision asked for). */
export interface Draft extends DraftSummary {
  content: string;
}

/** GET /api/designer/files. */
export interface DesignerFiles {
  shipped: ShippedFile[];
  drafts: DraftSummary[];
}

/** POST /api/designer/drafts. */
export interface CreateDraftRequest {
  fileName: string;
  kind: ModelKind;
  content: string;
  comment?: string;
}

/** PUT /api/designer/drafts/:id: saves a new revision on top of baseRevision. */
export interface SaveDraftRequest {
  content: string;
  /** The revision the editor started from; another one being current answers 409 DRAFT_CONFLICT. */
  baseRevision: number;
  comment?: string;
}

/** details of a 409 DRAFT_EXISTS: the draft of that file name to open instead. */
export interface DraftExistsDetails {
  fileName: string;
  draftId: number;
}

/** details of a 409 DRAFT_CONFLICT: who saved the current revision, and when. */
export interface DraftConflictDetails {
  currentRevision: number;
  updatedBy: string;
  updatedByName: string;
  updatedAt: string;
}

/** One entry of GET /api/designer/drafts/:id/revisions, newest first. */
export interface DraftRevisionSummary {
  revision: number;
  author: string;
  authorName: string;
  at: string;
  comment: string | null;
}

/** Where a lint problem comes from: bpmnlint's recommended rules, Camunda 7 compatibility, or Lianqin's own rules. */
export type LintSource = 'bpmnlint' | 'camunda' | 'lianqin';

/** One problem the lint found. */
export interface LintProblem {
  /** The element it is about (a click in the problems panel selects it); absent for problems of the whole file. */
  elementId?: string;
  message: string;
  /** The rule's name, e.g. "label-required", "camunda-compat/history-time-to-live", "lianqin/topic-has-worker". */
  rule: string;
  severity: 'error' | 'warning';
  source: LintSource;
}

/** Whether an external-task topic has a handler in the worker registry and whether a worker polls it now. */
export interface TopicStatus {
  topic: string;
  /** The elements of the linted model that use the topic (empty in GET /api/designer/workers). */
  elementIds: string[];
  /** A handler for the topic is in the worker registry. */
  handled: boolean;
  /** A worker handling the topic sent a heartbeat within 3× the heartbeat interval. */
  polled: boolean;
  /** ISO time of the newest heartbeat of a worker handling the topic. */
  lastPolledAt?: string;
}

/** POST /api/designer/lint. */
export interface LintRequest {
  fileName: string;
  kind: ModelKind;
  content: string;
}

/** The answer of the lint. */
export interface LintReport {
  problems: LintProblem[];
  /** The external-task topics of a BPMN model (empty for DMN and forms). */
  topics: TopicStatus[];
}

/** POST /api/designer/drafts/:id/deploy. */
export interface DeployDraftRequest {
  /** The revision to deploy (the one the designer sees), so a colleague's newer save is not deployed unseen. */
  revision: number;
}

/** A definition the engine created by a deployment. */
export interface DeployedDefinition {
  id: string;
  key: string;
  version: number;
  name: string | null;
}

/** The answer of a deployment from a draft. */
export interface DeployDraftResult {
  deploymentId: string;
  definitions: DeployedDefinition[];
}

/** details of a 422 LINT_FAILED. */
export interface LintFailedDetails {
  problems: LintProblem[];
}

/** details of a 422 DEPLOY_REFUSED: the engine's message and the line it names. */
export interface DeployRefusedDetails {
  message: string;
  line?: number;
}

/** The deployment name of a designer's deployment is this prefix and the username. */
export const designerDeploymentPrefix = 'designer:';
/** The deployment source of a designer's deployment. */
export const designerDeploymentSource = 'lianqin-designer';
/** The deployment source (and name) of the start-up deployment of processes/. */
export const fileDeploymentSource = 'lianqin';
