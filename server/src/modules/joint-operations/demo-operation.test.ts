import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import { inTransaction } from '../../db/transaction.js';
import { FirstViolationEntity, ShopViolationEntity } from '../shops/index.js';
import { demoOperationTitle, seedDemoOperation } from './demo-operation.js';
import { OperationFindingEntity } from './finding.entity.js';
import { JointOperationEntity } from './operation.entity.js';
import { OperationParticipantEntity } from './participant.entity.js';
import { reportOf } from './views.js';

let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  await dataSource?.destroy();
});

describe('the demo operation', () => {
  it('is seeded with demo data: finished last week with four departments, findings, a 首违不罚 shop and its 回头看', async () => {
    // given the suite's database, seeded with demo data

    // when seeding runs again
    const again = await inTransaction(dataSource, (manager) => seedDemoOperation(manager));

    // then there is still one, finished, with its wrap-up
    expect(again).toBe(0);
    const [op, ...more] = await dataSource.manager.findBy(JointOperationEntity, { title: demoOperationTitle });
    expect(more).toEqual([]);
    expect(op).toMatchObject({ status: 'finished', approvedBy: 'zhihui', writtenBy: 'chengguan', processInstanceId: null, summaryText: expect.stringContaining('首违不罚') });
    expect(op!.endsAt.getTime()).toBeLessThan(Date.now());
    expect((await dataSource.manager.findBy(OperationParticipantEntity, { operationId: op!.id })).map((p) => p.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed']);
    const findings = await dataSource.manager.find(OperationFindingEntity, { where: { operationId: op!.id }, order: { id: 'ASC' } });
    expect(findings.map((f) => f.measure)).toEqual(['order-to-correct', 'seizure', 'advice', 'advice']);
    const [first] = findings;
    expect(first).toMatchObject({ firstViolationNoPenalty: true, followUpStatus: 'corrected', documentNo: expect.stringMatching(/^青禾联执城管责改/) });
    const violation = await dataSource.manager.findOneByOrFail(ShopViolationEntity, { sourceKey: `joint-finding:${first!.id}` });
    expect(violation).toMatchObject({ shopId: first!.shopId, operationRef: op!.ref, firstViolationNoPenalty: true });
    expect(await dataSource.manager.countBy(FirstViolationEntity, { violationId: violation.id })).toBe(1);
  });

  it('has its report: the wrap-up by urban management, four findings counted per department and measure', async () => {
    // given the seeded demo operation
    const op = await dataSource.manager.findOneByOrFail(JointOperationEntity, { title: demoOperationTitle });

    // when its report is generated from the records
    const report = await reportOf(dataSource.manager, op);

    // then it names the writer and counts every department's findings
    expect(report).toMatchObject({ writtenBy: 'chengguan', writtenByName: '城管联络员 吴涛', summaryText: expect.stringContaining('回头看已改正'), operation: { status: 'finished', findings: 4 } });
    expect(report.counts).toEqual([
      { departmentCode: 'commerce', measure: 'advice', count: 1 },
      { departmentCode: 'public-security', measure: 'advice', count: 1 },
      { departmentCode: 'urban-management', measure: 'order-to-correct', count: 1 },
      { departmentCode: 'urban-management', measure: 'seizure', count: 1 },
    ]);
    expect(report.participants.map((p) => p.confirmedByName)).toEqual(['城管联络员 吴涛', '市场监管联络员 郑洁', '公安联络员 周杰', '环卫联络员 孙磊']);
  });
});
