import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/http';
import { errorAt, pathErrorsOf, unplacedErrors } from './field-errors';

const refused = new ApiError('表单填写有误', 400, 'VALIDATION', {
  error: {
    code: 'VALIDATION',
    message: '表单填写有误',
    details: {
      issues: [
        { path: 'body.schedule.recurrence.until', message: '截止日期不能早于首次行动日期' },
        { path: 'body.participants.1.tasks', message: '请填写该部门的任务' },
        { path: 'body.participants.1.tasks', message: '第二条' },
        { path: 'query.page', message: '不属于请求体' },
      ],
    },
  },
});

describe('pathErrorsOf', () => {
  it('keys the first message of each field by its full path below body', () => {
    expect(pathErrorsOf(refused)).toEqual({ 'schedule.recurrence.until': '截止日期不能早于首次行动日期', 'participants.1.tasks': '请填写该部门的任务' });
  });

  it('finds nothing in an answer that is not a validation error', () => {
    expect(pathErrorsOf(new ApiError('只有协调员可以制定行动方案', 403, 'FORBIDDEN', {}))).toEqual({});
  });
});

describe('errorAt', () => {
  it('shows a field its own message, or the first message of a field below it', () => {
    const errors = pathErrorsOf(refused);
    expect(errorAt(errors, 'participants.1.tasks')).toBe('请填写该部门的任务');
    expect(errorAt(errors, 'schedule')).toBe('截止日期不能早于首次行动日期');
    expect(errorAt(errors, 'title')).toBe('');
  });
});

describe('unplacedErrors', () => {
  it('lists the messages no field shows', () => {
    const errors = { title: '请填写行动名称', 'schedule.recurrence': '重复方式无效', '': '请求无效' };
    expect(unplacedErrors(errors, /^(title|schedule\.startsAt)$/)).toEqual(['重复方式无效', '请求无效']);
  });
});
