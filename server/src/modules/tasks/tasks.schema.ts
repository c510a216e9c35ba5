import { z } from 'zod';

export const taskListQuery = z
  .object({
    tab: z.enum(['unclaimed', 'mine', 'due-soon', 'overdue', 'all']).default('all'),
    categoryCode: z.string().regex(/^[EC]\d{4}$/, '类别代码形如 E0102').optional(),
    streetCode: z.string().max(32).optional(),
    gridCode: z.string().max(32).optional(),
    urgency: z.enum(['urgent', 'normal']).optional(),
  })
  .strict();

export const completeTaskBody = z.object({ values: z.record(z.string(), z.unknown()).default({}) }).strict();

export const returnTaskBody = z.object({ reason: z.string().trim().min(4, '退单理由至少 4 个字').max(500) }).strict();

export const extensionBody = z
  .object({ days: z.number().int('延期天数须为整数').min(1, '至少延期 1 个工作日').max(30, '最多延期 30 个工作日'), reason: z.string().trim().min(4, '延期理由至少 4 个字').max(500) })
  .strict();

export const suspendBody = z.object({ reason: z.string().trim().min(4, '缓办理由至少 4 个字').max(500) }).strict();
