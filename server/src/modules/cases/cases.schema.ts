import { z } from 'zod';
import { categoryOf } from '../categories/index.js';

/** A new report, as an inspector files it or a hotline operator files it for a caller. */
export const createCaseSchema = z
  .object({
    categoryCode: z.string().refine((c) => categoryOf(c) !== undefined, { message: '未知的案件类别 (unknown category code)' }),
    description: z.string().trim().min(2, '描述至少 2 个字').max(2000),
    lng: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    address: z.string().trim().max(255).optional(),
    source: z.enum(['inspector', 'hotline', 'patrol', 'open311']),
    urgent: z.boolean().default(false),
    callerName: z.string().trim().max(64).optional(),
    callerPhone: z.string().regex(/^[0-9+\- ]{5,32}$/, '电话号码格式不正确').optional(),
  })
  .strict();

export type CreateCaseInput = z.input<typeof createCaseSchema>;
