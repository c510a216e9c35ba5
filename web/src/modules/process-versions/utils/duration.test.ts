import { describe, expect, it } from 'vitest';
import { formatDuration, heatLevel } from './duration';

describe('formatDuration', () => {
  it.each([
    [500, 'zh-CN', '500 毫秒'],
    [12_000, 'zh-CN', '12 秒'],
    [45 * 60_000 + 5_000, 'zh-CN', '45 分钟 5 秒'],
    [2 * 86_400_000 + 3 * 3_600_000 + 60_000, 'zh-CN', '2 天 3 小时'],
    [3 * 3_600_000 + 30 * 60_000, 'en', '3 h 30 min'],
  ])('formats %i ms in %s as %s', (ms, locale, text) => {
    expect(formatDuration(ms, locale)).toBe(text);
  });
});

describe('heatLevel', () => {
  it.each([
    [0, 100, 1],
    [20, 100, 1],
    [21, 100, 2],
    [100, 100, 5],
    [5, 0, 1],
  ])('puts %i of %i at level %i', (median, slowest, level) => {
    expect(heatLevel(median, slowest)).toBe(level);
  });
});
