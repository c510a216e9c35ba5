import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/http';
import { deployRefusalOf, draftConflictOf, existingDraftIdOf, lintFailureOf } from './api-details';

const apiError = (status: number, code: string, details: unknown) => new ApiError('message', status, code, { error: { code, message: 'message', details } });

describe('details of the designer API errors', () => {
  it('reads who saved in between from a 409 DRAFT_CONFLICT', () => {
    const details = { currentRevision: 5, updatedBy: 'sheji', updatedByName: '赵丽', updatedAt: '2026-12-01T08:00:00.000Z' };
    expect(draftConflictOf(apiError(409, 'DRAFT_CONFLICT', details))).toEqual(details);
    expect(draftConflictOf(apiError(409, 'DRAFT_EXISTS', { draftId: 3 }))).toBeUndefined();
    expect(draftConflictOf(new Error('network'))).toBeUndefined();
  });

  it('reads the existing draft of a 409 DRAFT_EXISTS', () => {
    expect(existingDraftIdOf(apiError(409, 'DRAFT_EXISTS', { fileName: 'a.bpmn', draftId: 3 }))).toBe(3);
    expect(existingDraftIdOf(apiError(409, 'DRAFT_CONFLICT', { currentRevision: 2 }))).toBeUndefined();
  });

  it('reads the problems of a 422 LINT_FAILED and the engine message of a 422 DEPLOY_REFUSED', () => {
    const problems = [{ elementId: 'task', message: '主题没有处理程序', rule: 'lianqin/topic-has-worker', severity: 'error', source: 'lianqin' }];
    expect(lintFailureOf(apiError(422, 'LINT_FAILED', { problems }))).toEqual(problems);
    expect(lintFailureOf(apiError(422, 'DEPLOY_REFUSED', { message: 'x' }))).toBeUndefined();
    expect(deployRefusalOf(apiError(422, 'DEPLOY_REFUSED', { message: 'cvc-complex-type', line: 12 }))).toEqual({ message: 'cvc-complex-type', line: 12 });
    expect(deployRefusalOf(apiError(422, 'DEPLOY_REFUSED', {}))).toEqual({ message: 'message', line: undefined });
  });
});
