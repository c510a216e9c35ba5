import { z } from 'zod';
import { CaseFileEntity, recordCaseEvent } from '../../modules/cases/index.js';
import { departmentCodes } from '../../modules/departments/index.js';
import { notify } from '../../modules/notifications/index.js';
import { BusinessError } from '../../errors/index.js';
import { defineHandler } from '../runtime/index.js';
import { BpmnErrors, Topics } from '../topics.js';

const department = z.enum(departmentCodes);
const input = z.object({
  caseId: z.number().int(),
  caseNo: z.string(),
  routeDepartments: z.string().nullish(),
  routeLimitAmount: z.number().nullish(),
  routeLimitUnit: z.enum(['h', 'wh', 'wd']).nullish(),
  routeUrgency: z.enum(['urgent', 'normal']).nullish(),
  manualDepartments: z.array(department).nullish(),
  urgent: z.boolean().nullish(),
});

/** Limit when the command centre dispatches a case the rules do not know: one working day. */
const manualLimit = { amount: 1, unit: 'wd' as const };

/** 任务派遣: turns the routing decision, or the command centre's choice, into the departments' list and records the dispatch. */
export const planDispatchHandler = defineHandler({
  topic: Topics.PlanDispatch,
  input,
  async handle(v, { once }) {
    const manual = v.manualDepartments?.length ? v.manualDepartments : undefined;
    const routed = v.routeDepartments ? v.routeDepartments.split(',').map((d) => department.parse(d.trim())) : undefined;
    const departments = [...new Set(manual ?? routed ?? [])];
    if (departments.length === 0) throw new BusinessError(BpmnErrors.NoRoute, `派遣规则对案件 ${v.caseNo} 没有结果，转指挥中心人工派遣`);
    const urgency = v.urgent || v.routeUrgency === 'urgent' ? 'urgent' : 'normal';
    const limit = v.routeLimitAmount && v.routeLimitUnit ? { amount: v.routeLimitAmount, unit: v.routeLimitUnit } : manualLimit;
    await once('dispatch', async (manager) => {
      await manager.update(CaseFileEntity, { id: v.caseId }, { status: 'dispatched', departments: departments.join(',') });
      const at = new Date();
      for (const code of departments) {
        await recordCaseEvent(manager, { caseId: v.caseId, type: 'dispatched', department: code, actor: manual ? 'command-centre' : 'system', at, onTime: true, data: { limit, urgency, manual: Boolean(manual) } });
      }
      await notify(manager, {
        recipients: departments.map((id) => ({ type: 'group' as const, id })),
        caseId: v.caseId,
        title: `新派遣案件 ${v.caseNo}${urgency === 'urgent' ? '（紧急）' : ''}`,
        body: `请及时签收处置，处置时限 ${limit.amount}${unitLabel[limit.unit]}。`,
        event: 'case.dispatched',
      });
    });
    return { departmentList: departments, limitAmount: limit.amount, limitUnit: limit.unit, urgency, returnedCount: 0, manualDepartments: null };
  },
});

const unitLabel = { h: '小时', wh: '个工作小时', wd: '个工作日' } as const;
