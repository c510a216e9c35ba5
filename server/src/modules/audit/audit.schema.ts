import { z } from 'zod';

const instant = (field: string) =>
  z.iso.datetime({ offset: true, error: `${field}须为带时区的 ISO 8601 时间，如 2026-03-01T08:00:00+08:00` }).transform((s) => new Date(s));
const text = (field: string, max: number) => z.string({ error: `${field}须为文字` }).trim().min(1, `${field}不能为空`).max(max, `${field}最多 ${max} 字`);

/** GET /audit: filters (action ending in "." is a prefix, e.g. task.; from and to are inclusive) and the page. */
export const auditQuery = z
  .object({
    actor: text('操作人', 64).optional(),
    action: text('操作', 64).optional(),
    targetType: text('对象类型', 64).optional(),
    targetId: text('对象编号', 128).optional(),
    from: instant('开始时间').optional(),
    to: instant('结束时间').optional(),
    page: z.coerce.number({ error: '页码须为正整数' }).int('页码须为正整数').min(1, '页码须为正整数').default(1),
    pageSize: z.coerce.number({ error: '每页条数须为 1 到 200 的整数' }).int('每页条数须为 1 到 200 的整数').min(1, '每页条数须为 1 到 200 的整数').max(200, '每页条数最多 200').default(50),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始时间不能晚于结束时间', path: ['from'] });

export type AuditQuery = z.output<typeof auditQuery>;
