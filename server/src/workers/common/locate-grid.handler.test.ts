import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import { BusinessError } from '../../errors/index.js';
import { CaseFileEntity } from '../../modules/cases/index.js';
import { UnitGridEntity } from '../../modules/grids/index.js';
import { SideEffectEntity } from '../runtime/index.js';
import { Topics } from '../topics.js';
import { caseRow, commonDeps, contextFor, givenCase, givenDemoDistrict } from '../testing/handler-test-kit.js';
import { locateGridHandler } from './locate-grid.handler.js';

let dataSource: DataSource;
let handler: ReturnType<typeof locateGridHandler>;

beforeAll(async () => {
  dataSource = await testDataSource();
  await givenDemoDistrict(dataSource);
  handler = locateGridHandler(commonDeps(dataSource));
});

afterAll(async () => {
  await dataSource?.destroy();
});

/** The centre of a seeded unit grid (the grids are rectangles). */
async function centreOf(gridCode: string): Promise<{ lng: number; lat: number }> {
  const grid = await dataSource.manager.findOneByOrFail(UnitGridEntity, { code: gridCode });
  return { lng: (grid.minLng + grid.maxLng) / 2, lat: (grid.minLat + grid.maxLat) / 2 };
}

describe('case-locate-grid', () => {
  it('answers the grid, community, street and inspector of a point at a grid centre, and writes the codes to the case file', async () => {
    // given a case reported at the centre of the grid of 柳塘农贸市场
    const place = await centreOf('QH-02-01-0049');
    const { caseId, caseNo } = await givenCase(dataSource, { status: 'registered', ...place });

    // when
    const output = await handler.handle({ caseId, ...place }, contextFor(dataSource, Topics.LocateGrid, caseNo));

    // then
    expect(output).toEqual({
      gridCode: 'QH-02-01-0049',
      gridType: 'market',
      communityCode: 'QH-02-01',
      communityName: '柳塘新村社区',
      streetCode: 'QH-02',
      streetName: '柳塘街道',
      inspector: 'wangge2',
    });
    expect(await caseRow(dataSource, caseId)).toMatchObject({ gridCode: 'QH-02-01-0049', communityCode: 'QH-02-01', streetCode: 'QH-02' });
  });

  it('fails as a technical fault, writing nothing, for a point outside the district', async () => {
    // given a case reported west of the district
    const { caseId, caseNo } = await givenCase(dataSource, { status: 'registered', lng: 120.1, lat: 30.27 });
    const context = contextFor(dataSource, Topics.LocateGrid, caseNo);

    // when
    const error = await handler.handle({ caseId, lng: 120.1, lat: 30.27 }, context).then(() => undefined, (e: unknown) => e);

    // then it is a plain Error (retries, then an incident), not a BPMN error
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(BusinessError);
    expect((error as Error).message).toMatch(/不在辖区网格内.*outside every unit grid/);
    expect(await caseRow(dataSource, caseId)).toMatchObject({ gridCode: null, communityCode: null, streetCode: null });
    expect(await dataSource.manager.countBy(SideEffectEntity, { effectKey: `${context.task.id}:write-grid` })).toBe(0);
  });

  it('writes the grid once when the same task is delivered twice, and answers the same both times', async () => {
    // given a located case whose grid a clerk then corrects by hand
    const place = await centreOf('QH-02-01-0049');
    const { caseId, caseNo } = await givenCase(dataSource, { status: 'registered', ...place });
    const context = contextFor(dataSource, Topics.LocateGrid, caseNo);
    const first = await handler.handle({ caseId, ...place }, context);
    await dataSource.manager.update(CaseFileEntity, { id: caseId }, { gridCode: 'QH-02-01-0040' });

    // when the engine redelivers the task
    const again = await handler.handle({ caseId, ...place }, context);

    // then the answer repeats but the case file is not written again
    expect(again).toEqual(first);
    expect((await caseRow(dataSource, caseId)).gridCode).toBe('QH-02-01-0040');
  });

  it.each([
    ['a case id given as text', { caseId: '12', lng: 120.164, lat: 30.265 }],
    ['a latitude given as text', { caseId: 12, lng: 120.164, lat: '30.265' }],
    ['no longitude', { caseId: 12, lat: 30.265 }],
  ])('rejects variables with %s', (_, variables) => {
    expect(handler.input.safeParse(variables).success).toBe(false);
  });
});
