import { describe, expect, it } from 'vitest';
import { timelineDetailText, timelineLate } from './timeline-detail';

describe('timelineDetailText', () => {
  it('shows comments, reasons and submitted results', () => {
    expect(timelineDetailText({ commentId: 3, body: '已联系班组' })).toBe('已联系班组');
    expect(timelineDetailText({ action: 'task.complete', values: { handlingResult: '已清运', handlingNote: '' } })).toBe('已清运');
    expect(timelineDetailText({ result: '已清运完毕', onTime: true })).toBe('已清运完毕');
  });

  it('leaves out bookkeeping', () => {
    expect(timelineDetailText({ activityId: 'handle', activityType: 'userTask', endTime: null })).toBe('');
    expect(timelineDetailText(null)).toBe('');
  });
});

describe('timelineLate', () => {
  it('tells an entry that missed its time limit', () => {
    expect(timelineLate({ onTime: false })).toBe(true);
    expect(timelineLate({ onTime: true })).toBe(false);
    expect(timelineLate(undefined)).toBe(false);
  });
});
