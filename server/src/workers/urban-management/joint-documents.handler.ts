import { In, IsNull } from 'typeorm';
import { z } from 'zod';
import { issueDocument, JointOperationEntity, OperationFindingEntity, recordOperationEvent } from '../../modules/joint-operations/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';

const input = z.object({ operationId: z.number().int(), departmentCode: z.string() });

/** The document each measure calls for: 责令改正通知书 for an order to correct, 当场处罚决定书 for a fine. */
const documentOf = { 'order-to-correct': 'order-to-correct', fine: 'on-site-penalty' } as const;

/**
 * 编号执法文书: when urban management has finished its execution, numbers a document for each of its orders to correct
 * and fines of the operation that has none yet, serials per kind and Beijing year, and writes the number on the finding.
 */
export const jointDocumentsHandler = defineHandler({
  topic: Topics.UrbanJointDocuments,
  input,
  async handle(v, { once }) {
    const issued = await once('joint-documents', async (manager) => {
      const op = await manager.findOneByOrFail(JointOperationEntity, { id: v.operationId });
      const findings = await manager.find(OperationFindingEntity, {
        where: { operationId: op.id, departmentCode: v.departmentCode, measure: In(Object.keys(documentOf)), documentNo: IsNull() },
        order: { id: 'ASC' },
      });
      const documents: Array<{ findingId: number; documentNo: string }> = [];
      const issuedAt = new Date();
      for (const finding of findings) {
        const kind = documentOf[finding.measure as keyof typeof documentOf];
        const number = await issueDocument(manager, { kind, operationId: op.id, findingId: finding.id, departmentCode: v.departmentCode, issuedAt, content: { measure: finding.measure, fineYuan: finding.fineYuan, correctBy: finding.correctBy?.toISOString() ?? null, shopId: finding.shopId } });
        await manager.update(OperationFindingEntity, { id: finding.id }, { documentNo: number });
        documents.push({ findingId: finding.id, documentNo: number });
      }
      await recordOperationEvent(manager, { operationId: op.id, type: 'documents-issued', actor: 'worker:urban-management', departmentCode: v.departmentCode, at: issuedAt, data: { documents } });
      return documents.length;
    });
    return { documentsIssued: issued };
  },
  outputScope: 'local',
});
