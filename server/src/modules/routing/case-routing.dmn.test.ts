import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueKey } from '../../../../test/support/test-env.js';
import { alwaysUrgent, deployCaseRouting, evaluateRouting, sampleCategories, type LimitUnit, type Routing } from './routing-fixtures.js';

const flaggable = sampleCategories.filter((c) => !alwaysUrgent.includes(c.code));

beforeAll(async () => {
  await deployCaseRouting(uniqueKey('case-routing-test'));
});

/** Evaluates and expects exactly one answer, as hit policy FIRST guarantees for a known category. */
async function routeOne(categoryCode: string, gridType: string | null = null, urgent: boolean | null = false): Promise<Routing> {
  const rows = await evaluateRouting({ categoryCode, gridType, urgent });
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('decision case-routing: category defaults', () => {
  it.each(sampleCategories)('routes $code $name to $departments within $limit.0 $limit.1 by default', async ({ code, departments, limit }) => {
    // given a case of this category in an unknown grid, not flagged urgent
    // when the decision is evaluated
    const routing = await routeOne(code);

    // then it answers the defaults of DOMAIN.md
    expect(routing).toMatchObject({ departments, limitAmount: limit[0], limitUnit: limit[1] });
    expect(routing.urgency).toBe(alwaysUrgent.includes(code) ? 'urgent' : 'normal');
  });

  it.each([
    { how: 'gridType "-"', gridType: '-' as string | null | undefined },
    { how: 'gridType null', gridType: null },
    { how: 'gridType left out', gridType: undefined },
    { how: 'a grid type without special rules', gridType: 'industrial' },
  ])('keeps the defaults for $how', async ({ gridType }) => {
    // given 占道经营 whose grid gives no special rule
    // when the decision is evaluated
    const rows = await evaluateRouting({ categoryCode: 'E0501', gridType, urgent: false });

    // then the category defaults apply
    expect(rows).toEqual([expect.objectContaining({ departments: 'urban-management,commerce', limitAmount: 4, limitUnit: 'wh', urgency: 'normal' })]);
  });

  it('gives no first action to categories other than E0101', async () => {
    // given 暴露垃圾
    // when the decision is evaluated
    const routing = await routeOne('E0102');

    // then the first action outputs are null
    expect(routing.firstActionAmount).toBeNull();
    expect(routing.firstActionUnit).toBeNull();
  });
});

describe('decision case-routing: grid-type rules', () => {
  it.each([
    { code: 'E0103', gridType: 'main-road', departments: 'sanitation', limit: [1, 'wh'], urgency: 'normal' },
    { code: 'E0504', gridType: 'main-road', departments: 'public-security', limit: [1, 'wh'], urgency: 'normal' },
    { code: 'C0101', gridType: 'main-road', departments: 'urban-management,public-security', limit: [2, 'h'], urgency: 'urgent' },
    { code: 'E0102', gridType: 'market', departments: 'sanitation', limit: [2, 'wh'], urgency: 'normal' },
    { code: 'E0501', gridType: 'market', departments: 'urban-management,commerce', limit: [2, 'wh'], urgency: 'normal' },
    { code: 'E0503', gridType: 'commercial', departments: 'urban-management,commerce', limit: [4, 'wh'], urgency: 'normal' },
    { code: 'E0301', gridType: 'residential', departments: 'urban-management', limit: [2, 'wh'], urgency: 'normal' },
    { code: 'E0505', gridType: 'scenic', departments: 'public-security,urban-management', limit: [1, 'wd'], urgency: 'normal' },
    { code: 'E0104', gridType: 'industrial', departments: 'urban-management,sanitation', limit: [1, 'wd'], urgency: 'normal' },
  ] as Array<{ code: string; gridType: string; departments: string; limit: [number, LimitUnit]; urgency: string }>)(
    'routes $code in a $gridType grid to $departments within $limit.0 $limit.1',
    async ({ code, gridType, departments, limit, urgency }) => {
      // given a case of this category in this grid type, not flagged urgent
      // when the decision is evaluated
      const routing = await routeOne(code, gridType);

      // then the grid-type rule wins over the category default
      expect(routing).toMatchObject({ departments, limitAmount: limit[0], limitUnit: limit[1], urgency });
    },
  );

  it.each([
    { code: 'E0501', gridType: 'market', departments: 'urban-management,commerce', hours: 1 },
    { code: 'E0505', gridType: 'scenic', departments: 'public-security,urban-management', hours: 4 },
    { code: 'C0101', gridType: 'main-road', departments: 'urban-management,public-security', hours: 2 },
  ])('keeps the departments of the grid-type rule for urgent $code in a $gridType grid', async ({ code, gridType, departments, hours }) => {
    // given an urgent case that a grid-type rule covers
    // when the decision is evaluated
    const routing = await routeOne(code, gridType, true);

    // then it keeps the grid departments and counts calendar hours
    expect(routing).toMatchObject({ departments, limitAmount: hours, limitUnit: 'h', urgency: 'urgent' });
  });
});

describe('decision case-routing: urgency', () => {
  it.each(flaggable)('makes $code $name urgent within $urgentLimit.0 $urgentLimit.1 when flagged urgent', async ({ code, departments, urgentLimit }) => {
    // given a case of this category flagged urgent, in an unknown grid
    // when the decision is evaluated
    const routing = await routeOne(code, null, true);

    // then it is urgent with the calendar-hour limit and the default departments
    expect(routing).toMatchObject({ departments, limitAmount: urgentLimit[0], limitUnit: urgentLimit[1], urgency: 'urgent' });
  });

  it.each(alwaysUrgent.flatMap((code) => [false, null].map((urgent) => ({ code, urgent }))))(
    'treats $code as urgent in calendar hours even when the flag is $urgent',
    async ({ code, urgent }) => {
      // given a road collapse or flooding not flagged urgent, in a residential grid
      // when the decision is evaluated
      const routing = await routeOne(code, 'residential', urgent);

      // then it is urgent anyway
      expect(routing.urgency).toBe('urgent');
      expect(routing.limitUnit).toBe('h');
    },
  );

  it.each([
    { how: 'left out', urgent: undefined as boolean | null | undefined },
    { how: 'null', urgent: null },
  ])('treats an urgent flag $how as not urgent', async ({ urgent }) => {
    // given 暴露垃圾 whose urgent flag is unknown
    // when the decision is evaluated
    const rows = await evaluateRouting({ categoryCode: 'E0102', gridType: 'residential', urgent });

    // then the normal working-hour limit applies
    expect(rows).toEqual([expect.objectContaining({ limitAmount: 4, limitUnit: 'wh', urgency: 'normal' })]);
  });
});

describe('decision case-routing: E0101 first action', () => {
  it('asks to stop work within 4 working hours and to remove within 20 working days', async () => {
    // given an illegal structure, not urgent
    // when the decision is evaluated
    const routing = await routeOne('E0101', 'residential');

    // then stop work is the first action and removal the handling limit
    expect(routing).toMatchObject({ limitAmount: 20, limitUnit: 'wd', firstActionAmount: 4, firstActionUnit: 'wh', urgency: 'normal' });
  });

  it('shortens only the stop-work first action to 2 calendar hours when urgent', async () => {
    // given an illegal structure flagged urgent
    // when the decision is evaluated
    const routing = await routeOne('E0101', null, true);

    // then stop work counts calendar hours and the removal keeps its statutory 20 working days
    expect(routing).toMatchObject({ limitAmount: 20, limitUnit: 'wd', firstActionAmount: 2, firstActionUnit: 'h', urgency: 'urgent' });
  });
});

describe('decision case-routing: unknown categories', () => {
  it.each([
    { how: 'an unknown code', categoryCode: 'X9999' as string | null },
    { how: 'a lower-case code', categoryCode: 'e0102' },
    { how: 'no code', categoryCode: null },
  ])('answers no result for $how, so that the caller reports it', async ({ categoryCode }) => {
    // given a category the table does not know
    // when the decision is evaluated, even flagged urgent in a known grid
    const rows = await evaluateRouting({ categoryCode, gridType: 'market', urgent: true });

    // then there is no result and no catch-all department
    expect(rows).toEqual([]);
  });
});
