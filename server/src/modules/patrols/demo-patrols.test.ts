import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedData } from '../../../../db/seed/seed.js';
import { openDatabase } from '../../db/index.js';
import { demoPatrolTitle, seedDemoPatrols } from './demo-patrols.js';
import { PatrolPlanEntity } from './patrol-plan.entity.js';
import { PatrolCheckInEntity } from './patrol-records.entity.js';
import { PatrolRunEntity, PatrolRunGridEntity } from './patrol-run.entity.js';

// A fresh embedded database (SQLite), which also proves the migration portable.
let db: DataSource;

beforeAll(async () => {
  db = await openDatabase({ dataDir: mkdtempSync(path.join(tmpdir(), 'lianqin-patrols-')) });
  await seedData(db, { demo: true });
});

afterAll(async () => {
  await db?.destroy();
});

describe('the demo patrol', () => {
  it('is a plan with a finished run a week back: two grids visited, one flagged unvisited, its report and review', async () => {
    // given the demo data seeded (with or without the seed calling it)
    await seedDemoPatrols(db.manager);

    // then
    const plan = await db.manager.findOneByOrFail(PatrolPlanEntity, { title: demoPatrolTitle });
    expect(plan).toMatchObject({ ref: expect.stringMatching(/^XC-\d{4}-\d{4}$/), status: 'completed', createdBy: 'xietiao' });
    const [run, ...more] = await db.manager.findBy(PatrolRunEntity, { planId: plan.id });
    expect(more).toEqual([]);
    expect(run).toMatchObject({ ref: `${plan.ref}-01`, status: 'finished', reviewedBy: 'xietiao' });
    expect(run!.endsAt.getTime()).toBeLessThan(Date.now());
    const grids = await db.manager.find(PatrolRunGridEntity, { where: { runId: run!.id }, order: { seq: 'ASC' } });
    expect(grids.map((g) => [g.visitedAt !== null, g.flaggedUnvisitedAt !== null])).toEqual([[true, false], [true, false], [false, true]]);
    expect(await db.manager.countBy(PatrolCheckInEntity, { runId: run!.id })).toBe(4);
    expect(run!.reportSummary).toMatch(/已巡查 2 个，未巡查 1 个（.+号网格）；3 名队员签到 4 次；未发现问题。$/);
  });

  it('is seeded once', async () => {
    expect(await seedDemoPatrols(db.manager)).toBe(0);
    expect(await db.manager.countBy(PatrolPlanEntity, { title: demoPatrolTitle })).toBe(1);
  });
});
