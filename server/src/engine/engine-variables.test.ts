import { describe, expect, it } from 'vitest';
import { formatEngineDate, fromEngineVariables, toEngineVariable, toEngineVariables, type VariableValue } from './engine-variables.js';

describe('toEngineVariable', () => {
  it.each<{ what: string; value: VariableValue; expected: { value: unknown; type: string } }>([
    { what: 'an integer', value: 42, expected: { value: 42, type: 'Long' } },
    { what: 'zero', value: 0, expected: { value: 0, type: 'Long' } },
    { what: 'a negative integer', value: -7, expected: { value: -7, type: 'Long' } },
    { what: 'an integer beyond 2^31', value: 3_000_000_000, expected: { value: 3_000_000_000, type: 'Long' } },
    { what: 'a fraction', value: 0.25, expected: { value: 0.25, type: 'Double' } },
    { what: 'true', value: true, expected: { value: true, type: 'Boolean' } },
    { what: 'false', value: false, expected: { value: false, type: 'Boolean' } },
    { what: 'a string with Chinese', value: '暴露垃圾（已受理）', expected: { value: '暴露垃圾（已受理）', type: 'String' } },
    { what: 'an empty string', value: '', expected: { value: '', type: 'String' } },
    { what: 'a Date', value: new Date('2026-01-02T08:30:00.000Z'), expected: { value: '2026-01-02T08:30:00.000+0000', type: 'Date' } },
    { what: 'an object', value: { lat: 31.23, lng: 121.47 }, expected: { value: '{"lat":31.23,"lng":121.47}', type: 'Json' } },
    { what: 'an array', value: ['sanitation', '城管'], expected: { value: '["sanitation","城管"]', type: 'Json' } },
    { what: 'null', value: null, expected: { value: null, type: 'Null' } },
  ])('types $what as $expected.type', ({ value, expected }) => {
    // given a plain value
    // when
    const variable = toEngineVariable(value);
    // then
    expect(variable).toEqual(expected);
  });
});

describe('formatEngineDate', () => {
  it("writes the engine's default yyyy-MM-dd'T'HH:mm:ss.SSSZ format in UTC", () => {
    // given a date given in another zone
    const date = new Date('2026-01-02T16:30:00.000+08:00');
    // when
    const text = formatEngineDate(date);
    // then
    expect(text).toBe('2026-01-02T08:30:00.000+0000');
    expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/);
  });
});

describe('toEngineVariables', () => {
  it('converts every entry and skips undefined ones', () => {
    // given
    const values = { title: '占道经营', count: 3, urgent: undefined, assignee: null };
    // when
    const variables = toEngineVariables(values);
    // then
    expect(variables).toEqual({
      title: { value: '占道经营', type: 'String' },
      count: { value: 3, type: 'Long' },
      assignee: { value: null, type: 'Null' },
    });
    expect(variables).not.toHaveProperty('urgent');
  });
});

describe('fromEngineVariables', () => {
  it('parses Json and Date back and keeps other values as they are', () => {
    // given variables as the engine returns them
    const variables = {
      location: { type: 'Json', value: '{"lat":31.23,"lng":121.47}', valueInfo: {} },
      departments: { type: 'Json', value: '["sanitation","commerce"]', valueInfo: {} },
      reportedAt: { type: 'Date', value: '2026-01-02T16:30:00.000+0800', valueInfo: {} },
      title: { type: 'String', value: '暴露垃圾', valueInfo: {} },
      count: { type: 'Long', value: 41, valueInfo: {} },
      ratio: { type: 'Double', value: 0.5, valueInfo: {} },
      urgent: { type: 'Boolean', value: false, valueInfo: {} },
      assignee: { type: 'Null', value: null, valueInfo: {} },
    };
    // when
    const values = fromEngineVariables(variables);
    // then
    expect(values).toEqual({
      location: { lat: 31.23, lng: 121.47 },
      departments: ['sanitation', 'commerce'],
      reportedAt: new Date('2026-01-02T08:30:00.000Z'),
      title: '暴露垃圾',
      count: 41,
      ratio: 0.5,
      urgent: false,
      assignee: null,
    });
  });

  it('reads the type case-insensitively', () => {
    // given
    const variables = { location: { type: 'json', value: '{"grid":"G-001"}' }, due: { type: 'date', value: '2026-01-02T08:30:00.000+0000' } };
    // when
    const values = fromEngineVariables(variables);
    // then
    expect(values).toEqual({ location: { grid: 'G-001' }, due: new Date('2026-01-02T08:30:00.000Z') });
  });

  it('round-trips every kind of value through toEngineVariables', () => {
    // given
    const original = {
      title: '暴露垃圾',
      count: 41,
      ratio: 0.25,
      urgent: true,
      reportedAt: new Date('2026-10-08T09:15:00.000Z'),
      location: { lat: 31.23, lng: 121.47 },
      departments: ['urban-management'],
      assignee: null,
    };
    // when
    const back = fromEngineVariables(toEngineVariables(original));
    // then
    expect(back).toEqual(original);
  });
});
