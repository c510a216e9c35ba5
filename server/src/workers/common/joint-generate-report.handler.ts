import { In } from 'typeorm';
import { z } from 'zod';
import { loadWorkingCalendar } from '../../modules/calendar/index.js';
import { JointOperationEntity, OperationFindingEntity, recordOperationEvent } from '../../modules/joint-operations/index.js';
import { defineHandler } from '../runtime/index.js';
import { Topics } from '../topics.js';
import type { CommonDeps } from './common-deps.js';

const input = z.object({
  operationId: z.number().int(),
  summaryText: z.string().nullish(),
  wrapUpBy: z.string().nullish(),
  endsAt: z.date(),
  followUpWorkingDays: z.number().int().min(0),
});

/** A shop ordered to correct, re-inspected by the department that ordered it. */
interface FollowUp {
  findingId: number;
  departmentCode: string;
}

/** What the report step decided, kept once and given again on a redelivered task. */
interface ReportOutcome {
  followUps: FollowUp[];
  followUpAt: string | null;
}

/**
 * 生成报告: files the lead department's wrap-up with the operation (the report itself is generated from the records
 * when read, so case statuses stay live), and lists the shops ordered to correct for 回头看: N working days after the
 * end, and not before the latest deadline to correct.
 */
export function jointGenerateReportHandler(deps: Pick<CommonDeps, 'workingHours' | 'clock'>) {
  return defineHandler({
    topic: Topics.JointGenerateReport,
    input,
    async handle(v, { once }) {
      const outcome = await once('generate-report', async (manager): Promise<ReportOutcome> => {
        const now = deps.clock?.() ?? new Date();
        const findings = await manager.find(OperationFindingEntity, { where: { operationId: v.operationId }, order: { id: 'ASC' } });
        const ordered = findings.filter((f) => f.measure === 'order-to-correct' && f.shopId !== null);
        const calendar = await loadWorkingCalendar(manager, deps.workingHours);
        const earliest = calendar.addLimit(v.endsAt, v.followUpWorkingDays, 'wd');
        const latestDeadline = Math.max(earliest.getTime(), ...ordered.map((f) => f.correctBy?.getTime() ?? 0));
        const followUpAt = ordered.length ? new Date(latestDeadline) : null;
        if (ordered.length) await manager.update(OperationFindingEntity, { id: In(ordered.map((f) => f.id)) }, { followUpStatus: 'pending' });
        await manager.update(JointOperationEntity, { id: v.operationId }, { summaryText: v.summaryText ?? null, writtenBy: v.wrapUpBy ?? null, reportAt: now, status: ordered.length ? 'follow-up' : 'wrap-up' });
        await recordOperationEvent(manager, {
          operationId: v.operationId,
          type: 'report-generated',
          actor: v.wrapUpBy ?? 'system',
          at: now,
          data: { findings: findings.length, casesFiled: findings.filter((f) => f.caseNo !== null).length, followUps: ordered.length, followUpAt: followUpAt?.toISOString() ?? null },
        });
        return { followUps: ordered.map((f) => ({ findingId: f.id, departmentCode: f.departmentCode })), followUpAt: followUpAt?.toISOString() ?? null };
      });
      return { followUps: outcome.followUps, hasFollowUps: outcome.followUps.length > 0, followUpAt: outcome.followUpAt ? new Date(outcome.followUpAt) : null };
    },
  });
}
