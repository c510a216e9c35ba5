import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import type { CaseFile } from '../../modules/cases/index.js';
import { Topics } from '../topics.js';
import { findDuplicatesHandler } from './find-duplicates.handler.js';
import { commonDeps, contextFor, givenCase } from '../testing/handler-test-kit.js';

let dataSource: DataSource;
let handler: ReturnType<typeof findDuplicatesHandler>;

beforeAll(async () => {
  dataSource = await testDataSource();
  handler = findDuplicatesHandler(commonDeps(dataSource));
});

afterAll(async () => {
  await dataSource?.destroy();
});

const dayMs = 86_400_000;
/** Metres per degree of latitude on the sphere that haversineMeters uses. */
const metresPerDegree = (6_371_008.8 * Math.PI) / 180;

/** A place of its own for each test, far from the demo district, so that the cases near it are the test's. */
function freshPlace(): { lng: number; lat: number } {
  return { lng: 100 + Math.random() * 10, lat: 20 + Math.random() * 5 };
}

function north(place: { lng: number; lat: number }, metres: number): { lng: number; lat: number } {
  return { lng: place.lng, lat: place.lat + metres / metresPerDegree };
}

/** A reported case and an earlier one `metres` north of it, with the given differences. */
async function givenEarlierCase(place: { lng: number; lat: number }, metres: number, fields: Partial<CaseFile> = {}) {
  return givenCase(dataSource, { categoryCode: 'E0102', status: 'dispatched', createdAt: new Date(Date.now() - dayMs), ...north(place, metres), ...fields });
}

async function duplicatesOf(place: { lng: number; lat: number }) {
  const { caseId, caseNo } = await givenCase(dataSource, { categoryCode: 'E0102', status: 'registered', ...place });
  const output = await handler.handle({ caseId, categoryCode: 'E0102', ...place }, contextFor(dataSource, Topics.FindDuplicates, caseNo));
  return { caseId, candidates: output!.duplicateCandidates as { caseId: number; caseNo: string; distanceM: number; createdAt: string }[] };
}

describe('case-find-duplicates', () => {
  it('offers an open case of the same category, nearby and recent, with its distance', async () => {
    // given
    const place = freshPlace();
    const createdAt = new Date(Date.now() - 2 * dayMs);
    const earlier = await givenEarlierCase(place, 30, { createdAt });

    // when
    const { candidates } = await duplicatesOf(place);

    // then
    expect(candidates).toEqual([{ caseId: earlier.caseId, caseNo: earlier.caseNo, distanceM: 30, createdAt: createdAt.toISOString() }]);
  });

  it.each<[string, number, Partial<CaseFile>]>([
    ['of another category', 20, { categoryCode: 'E0503' }],
    ['more than 50 m away', 60, {}],
    ['older than the 7-day window', 20, { createdAt: new Date(Date.now() - 8 * dayMs) }],
    ['closed', 20, { status: 'closed' }],
    ['rejected', 20, { status: 'rejected' }],
    ['merged', 20, { status: 'merged' }],
  ])('does not offer a case %s', async (_, metres, fields) => {
    // given
    const place = freshPlace();
    await givenEarlierCase(place, metres, fields);

    // when
    const { candidates } = await duplicatesOf(place);

    // then
    expect(candidates).toEqual([]);
  });

  it.each(['registered', 'dispatched', 'handled', 'returned'] as const)('offers a %s case', async (status) => {
    // given
    const place = freshPlace();
    const earlier = await givenEarlierCase(place, 10, { status });

    // when
    const { candidates } = await duplicatesOf(place);

    // then
    expect(candidates.map((c) => c.caseId)).toEqual([earlier.caseId]);
  });

  it('never offers the case itself', async () => {
    // given a case alone at its place
    const place = freshPlace();

    // when
    const { caseId, candidates } = await duplicatesOf(place);

    // then
    expect(candidates.map((c) => c.caseId)).not.toContain(caseId);
    expect(candidates).toEqual([]);
  });

  it('offers at most five, nearest first', async () => {
    // given seven open cases nearby, in no order
    const place = freshPlace();
    for (const metres of [35, 5, 30, 15, 25, 10, 20]) await givenEarlierCase(place, metres);

    // when
    const { candidates } = await duplicatesOf(place);

    // then
    expect(candidates.map((c) => c.distanceM)).toEqual([5, 10, 15, 20, 25]);
  });
});
