import { z } from 'zod';
import { CaseFileEntity } from '../../modules/cases/case-file.entity.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';

const input = z.object({
  categoryCode: z.string().regex(/^[EC]\d{4}$/, 'a category code such as E0102'),
  source: z.enum(['inspector', 'hotline', 'patrol', 'open311']),
  description: z.string().min(1),
});

/** 案卷登记: files the report as a numbered case (案卷号 yyyyMMdd + serial) once per task. */
export const caseRegisterHandler = defineHandler({
  topic: Topics.CaseRegister,
  input,
  async handle(report, { task, once }) {
    const caseNo = await once('create-case-file', async (manager) => {
      const created = new Date();
      const { identifiers } = await manager.insert(CaseFileEntity, {
        caseNo: `pending-${task.processInstanceId}`.slice(0, 32),
        processInstanceId: task.processInstanceId,
        categoryCode: report.categoryCode,
        source: report.source,
        description: report.description,
        status: 'registered',
        createdAt: created,
      });
      const id = Number(identifiers[0]?.id);
      const number = `${created.toISOString().slice(0, 10).replaceAll('-', '')}${String(id).padStart(5, '0')}`;
      await manager.update(CaseFileEntity, { id }, { caseNo: number });
      return number;
    });
    return { caseNo };
  },
});
