import { describe, expect, it } from 'vitest';
import { ApiError } from './http';
import { apiIssues, errorMessageOf, fieldErrorsOf } from './api-errors';

const validationError = new ApiError('表单填写有误', 400, 'VALIDATION', {
  error: {
    code: 'VALIDATION',
    message: '表单填写有误',
    details: {
      issues: [
        { path: 'body.values.handlingResult', message: '处置结果：必填' },
        { path: 'body.reason', message: '退单理由至少 4 个字' },
        { path: 'body.reason', message: '第二条' },
      ],
    },
  },
});

describe('apiIssues', () => {
  it('reads the field issues of a 400 answer', () => {
    expect(apiIssues(validationError)).toHaveLength(3);
  });

  it('finds none in other errors', () => {
    expect(apiIssues(new ApiError('该任务已被环卫联络员 孙磊签收，请刷新列表', 409, 'CONFLICT', {}))).toEqual([]);
    expect(apiIssues(new Error('network'))).toEqual([]);
  });
});

describe('fieldErrorsOf', () => {
  it('keys the first message of each field below the prefix', () => {
    expect(fieldErrorsOf(validationError)).toEqual({ values: '处置结果：必填', reason: '退单理由至少 4 个字' });
    expect(fieldErrorsOf(validationError, 'body.values.')).toEqual({ handlingResult: '处置结果：必填' });
  });
});

describe('errorMessageOf', () => {
  it("lists a 400 answer's field messages, and shows other answers' server message", () => {
    expect(errorMessageOf(validationError)).toBe('处置结果：必填；退单理由至少 4 个字；第二条');
    expect(errorMessageOf(new ApiError('该任务已被环卫联络员 孙磊签收，请刷新列表', 409, 'CONFLICT', {}))).toBe('该任务已被环卫联络员 孙磊签收，请刷新列表');
  });
});
