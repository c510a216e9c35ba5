import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataSource } from '../../../../test/support/test-env.js';
import { OperationDocumentEntity, OperationFindingEntity } from '../../modules/joint-operations/index.js';
import { givenFinding, givenOperation } from '../../modules/joint-operations/test-support.js';
import { contextFor } from '../testing/handler-test-kit.js';
import { Topics } from '../topics.js';
import { jointDocumentsHandler } from './joint-documents.handler.js';

let dataSource: DataSource;

beforeAll(async () => {
  dataSource = await testDataSource();
});

afterAll(async () => {
  await dataSource?.destroy();
});

const documentNoOf = async (id: number) => (await dataSource.manager.findOneByOrFail(OperationFindingEntity, { id })).documentNo;

describe('urban-joint-documents', () => {
  it('numbers a 责令改正通知书 for each order to correct and a 当场处罚决定书 for each fine of urban management, once', async () => {
    // given urban management's findings with several measures, and commerce's order to correct
    const op = await givenOperation(dataSource, { status: 'executing' });
    const order = await givenFinding(dataSource, op, { measure: 'order-to-correct' });
    const secondOrder = await givenFinding(dataSource, op, { measure: 'order-to-correct' });
    const fine = await givenFinding(dataSource, op, { measure: 'fine', fineYuan: 200 });
    const warning = await givenFinding(dataSource, op, { measure: 'warning' });
    const commerce = await givenFinding(dataSource, op, { measure: 'order-to-correct', departmentCode: 'commerce' });
    const context = contextFor(dataSource, Topics.UrbanJointDocuments, op.ref);
    const input = { operationId: op.id, departmentCode: 'urban-management' };

    // when the task is delivered, and delivered again
    const output = await jointDocumentsHandler.handle(input, context);
    await jointDocumentsHandler.handle(input, context);

    // then
    expect(output).toEqual({ documentsIssued: 3 });
    expect(await documentNoOf(order.id)).toMatch(/^青禾联执城管责改〔\d{4}〕第\d{5}号$/);
    expect(await documentNoOf(fine.id)).toMatch(/^青禾联执城管罚决〔\d{4}〕第\d{5}号$/);
    const serial = (no: string | null) => Number(/第(\d{5})号/.exec(no!)![1]);
    expect(serial(await documentNoOf(secondOrder.id))).toBe(serial(await documentNoOf(order.id)) + 1);
    expect([await documentNoOf(warning.id), await documentNoOf(commerce.id)]).toEqual([null, null]);
    expect(await dataSource.manager.countBy(OperationDocumentEntity, { operationId: op.id })).toBe(3);
  });

  it('leaves findings that already have a document alone', async () => {
    // given
    const op = await givenOperation(dataSource, { status: 'executing' });
    await givenFinding(dataSource, op, { measure: 'fine', fineYuan: 50, documentNo: '手工编号〔2026〕第00001号' });

    // when
    const output = await jointDocumentsHandler.handle({ operationId: op.id, departmentCode: 'urban-management' }, contextFor(dataSource, Topics.UrbanJointDocuments, op.ref));

    // then
    expect(output).toEqual({ documentsIssued: 0 });
  });
});
