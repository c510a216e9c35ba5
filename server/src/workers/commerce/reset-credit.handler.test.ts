import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineAuthorization, engineLogin, eventually, testEngine, testEnv, testLogger, uniqueKey } from '../../../../test/support/test-env.js';
import { inTransaction } from '../../db/index.js';
import { AuditRecordEntity } from '../../modules/audit/index.js';
import { seedGeography } from '../../modules/grids/index.js';
import { CreditChangeEntity, creditResetActor, demoShops, recordShopMeasure, seedShops, ShopEntity, yearlyCreditPoints } from '../../modules/shops/index.js';
import { bj, givenShop, privateDatabase } from '../../modules/shops/test-support.js';
import { WorkerRuntime } from '../runtime/index.js';
import { contextFor } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { resetCreditHandler } from './reset-credit.handler.js';

const engine = testEngine();
let db: Awaited<ReturnType<typeof privateDatabase>>;
let dataSource: DataSource;

// Every shop is reset, so the test works on a database of its own: the suite's demo shops keep their points.
beforeAll(async () => {
  db = await privateDatabase();
  dataSource = db.dataSource;
  await inTransaction(dataSource, async (manager) => {
    await seedGeography(manager);
    await seedShops(manager);
  });
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

/** Points and grade of every shop, by id. */
async function everyShop() {
  return dataSource.manager.find(ShopEntity, { select: { id: true, creditPoints: true, creditGrade: true }, order: { id: 'ASC' } });
}

describe('commerce-reset-credit', () => {
  it('puts every shop back to the yearly base with a ledger line, audited as system:credit-reset', async () => {
    // given demo shops, some below the base, and one fined this year
    const fined = await givenShop(dataSource, { creditPoints: 700 });
    await inTransaction(dataSource, (manager) => recordShopMeasure(manager, { shopId: fined.id, agency: 'commerce', violationType: 'unlicensed', measure: 'fine', firstViolationNoPenalty: false, fineYuan: 500, at: bj('2026-11-03T10:00'), actor: 'shichang', sourceKey: uniqueKey('f') }));
    expect((await everyShop()).some((s) => s.creditPoints < yearlyCreditPoints)).toBe(true);

    // when the timer fires at midnight of 1 January 2031, Beijing time
    const output = await resetCreditHandler.handle({ firedAt: bj('2031-01-01T00:00') }, contextFor(dataSource, Topics.CommerceResetCredit, 'shop-credit-reset'));

    // then every shop has the base points, grade A, and a reset line of 2031 in its ledger
    const shops = await everyShop();
    expect(output).toEqual({ creditYear: 2031, shopsReset: shops.length });
    expect(shops.every((s) => s.creditPoints === yearlyCreditPoints && s.creditGrade === 'A')).toBe(true);
    const lines = await dataSource.manager.findBy(CreditChangeEntity, { reason: 'yearly-reset', year: 2031 });
    expect(lines.map((l) => l.shopId).sort((a, b) => a - b)).toEqual(shops.map((s) => s.id));
    expect(lines.find((l) => l.shopId === fined.id)).toMatchObject({ delta: 1000 - 640, balance: 1000, actor: creditResetActor });
    const audit = await dataSource.manager.findBy(AuditRecordEntity, { action: 'shops.credit-reset', targetId: '2031' });
    expect(audit).toEqual([expect.objectContaining({ actor: 'system:credit-reset', targetType: 'credit-year' })]);
    expect(JSON.parse(audit[0]!.afterState!)).toMatchObject({ year: 2031, shopsReset: shops.length, base: 1000 });
  });

  it('resets a year once, even when another run of the same year comes', async () => {
    // given 2032 reset once, and a shop fined after it
    await resetCreditHandler.handle({ firedAt: bj('2032-01-01T00:00') }, contextFor(dataSource, Topics.CommerceResetCredit, 'shop-credit-reset'));
    const shop = await givenShop(dataSource);
    await inTransaction(dataSource, (manager) => recordShopMeasure(manager, { shopId: shop.id, agency: 'urban-management', violationType: 'outside-store', measure: 'warning', firstViolationNoPenalty: false, at: bj('2032-01-02T10:00'), actor: 'chengguan', sourceKey: uniqueKey('w') }));
    const linesBefore = await dataSource.manager.countBy(CreditChangeEntity, { reason: 'yearly-reset', year: 2032 });

    // when a second run of 2032 comes (another instance, later that night)
    const again = await resetCreditHandler.handle({ firedAt: bj('2032-01-02T23:00') }, contextFor(dataSource, Topics.CommerceResetCredit, 'shop-credit-reset'));

    // then nothing is reset again: the shop fined since keeps its deduction
    expect(again).toEqual({ creditYear: 2032, shopsReset: 0 });
    expect(await dataSource.manager.countBy(CreditChangeEntity, { reason: 'yearly-reset', year: 2032 })).toBe(linesBefore);
    expect(await dataSource.manager.findOneByOrFail(ShopEntity, { id: shop.id })).toMatchObject({ creditPoints: 970 });
    expect(await dataSource.manager.countBy(AuditRecordEntity, { action: 'shops.credit-reset', targetId: '2032' })).toBe(1);
  });

  it('takes the credit year from Beijing time: 16:30 UTC on 31 December is already the new year', async () => {
    const output = await resetCreditHandler.handle({ firedAt: new Date('2032-12-31T16:30:00Z') }, contextFor(dataSource, Topics.CommerceResetCredit, 'shop-credit-reset'));
    expect(output).toMatchObject({ creditYear: 2033 });
  });

  it('answers the first result when the same task is delivered twice', async () => {
    const context = contextFor(dataSource, Topics.CommerceResetCredit, 'shop-credit-reset');
    const first = await resetCreditHandler.handle({ firedAt: bj('2034-01-01T00:00') }, context);
    const again = await resetCreditHandler.handle({ firedAt: bj('2034-01-01T00:00') }, context);
    expect(again).toEqual(first);
    expect(first).toMatchObject({ creditYear: 2034, shopsReset: expect.any(Number) });
    expect((first as { shopsReset: number }).shopsReset).toBeGreaterThanOrEqual(demoShops.length);
  });

  it.each([
    ['no firing time', {}],
    ['a firing time given as text', { firedAt: '2027-01-01T00:00:00+08:00' }],
  ])('rejects variables with %s', (_, variables) => {
    expect(resetCreditHandler.input.safeParse(variables).success).toBe(false);
  });
});

describe('process shop-credit-reset on the engine', () => {
  const bpmnFile = fileURLToPath(new URL('../../../../processes/shop-credit-reset.bpmn', import.meta.url));
  // The shipped diagram under a key and topic of the test's own, so no other worker of the suite takes its task.
  const key = uniqueKey('shop-credit-reset-test');
  const topic = uniqueKey('commerce-reset-credit-test');
  let runtime: WorkerRuntime;
  let definitionId: string;

  beforeAll(async () => {
    const xml = (await readFile(bpmnFile, 'utf8')).replaceAll('"shop-credit-reset"', `"${key}"`).replaceAll(`camunda:topic="${Topics.CommerceResetCredit}"`, `camunda:topic="${topic}"`);
    expect(xml).toContain(`camunda:topic="${topic}"`);
    const deployment = await engine.deploy(uniqueKey('credit-reset-test'), [{ name: `${key}.bpmn`, content: xml }], 'test');
    definitionId = Object.values(deployment.deployedProcessDefinitions ?? {})[0]!.id;
    runtime = new WorkerRuntime({ engineUrl: testEnv().ENGINE_URL!, ...engineLogin(), name: 'credit-reset-test', dataSource, logger: testLogger(), longPollMs: 1000, lockMs: 10_000 }).register([{ ...resetCreditHandler, topic }]);
    runtime.start();
  });

  afterAll(async () => {
    await runtime?.stop();
  });

  it('schedules the reset for the next 1 January at 00:00 Beijing time', async () => {
    // given the process deployed
    // when its timer job is looked up
    const [job] = await timerJobsOf(definitionId);

    // then it is due at the coming new year, midnight in Beijing
    const thisYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    expect(new Date(job!.dueDate).toISOString()).toBe(`${Math.max(thisYear + 1, 2027) - 1}-12-31T16:00:00.000Z`);
  });

  it('resets every shop when the timer job is executed, and schedules the next year', async () => {
    // given a shop below the base
    const shop = await givenShop(dataSource, { creditPoints: 610 });
    const [job] = await timerJobsOf(definitionId);

    // when the engine executes the timer job now
    await engine.executeJob(job!.id);

    // then the worker resets every shop for the current Beijing year, and the instance ends
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    await eventually(async () => (await dataSource.manager.findOneByOrFail(ShopEntity, { id: shop.id })).creditPoints === 1000, { what: 'the reset of the shop' });
    const shops = await everyShop();
    expect(shops.every((s) => s.creditPoints === 1000)).toBe(true);
    expect(await dataSource.manager.countBy(CreditChangeEntity, { reason: 'yearly-reset', year })).toBe(shops.length);
    const [instance] = await historicInstancesOf(definitionId);
    await eventually(async () => (await engine.historicProcessInstance(instance!.id)).state === 'COMPLETED', { what: 'the instance to end' });
    expect(await engine.historicVariables(instance!.id)).toMatchObject({ creditYear: year, shopsReset: shops.length });
    const [next] = await timerJobsOf(definitionId);
    expect(new Date(next!.dueDate).getTime()).toBeGreaterThan(Date.now());
  });
});

/** The timer jobs of a process definition (its timer start event), via the engine's REST API. */
async function timerJobsOf(processDefinitionId: string): Promise<Array<{ id: string; dueDate: string }>> {
  return engineGet(`/job?processDefinitionId=${processDefinitionId}&timers=true`);
}

async function historicInstancesOf(processDefinitionId: string): Promise<Array<{ id: string }>> {
  return engineGet(`/history/process-instance?processDefinitionId=${processDefinitionId}`);
}

async function engineGet<T>(path: string): Promise<T> {
  const response = await fetch(`${testEnv().ENGINE_URL}${path}`, { headers: { authorization: engineAuthorization() } });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}
