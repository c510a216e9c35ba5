import { z } from 'zod';
import { validationErrorFrom } from '../../errors/index.js';

const grades = ['A', 'B', 'C', 'D'] as const;

/** GET /shops: search, filters and the page. */
export const listShopsQuery = z
  .object({
    q: z.string({ error: '搜索词须为文字' }).trim().max(64, '搜索词最多 64 字').optional(),
    streetCode: z.string({ error: '街道编码须为文字' }).trim().min(1, '街道编码不能为空').max(32, '街道编码最多 32 位').optional(),
    gridCode: z.string({ error: '网格编码须为文字' }).trim().min(1, '网格编码不能为空').max(32, '网格编码最多 32 位').optional(),
    grade: z.enum(grades, { error: '信用等级须为 A、B、C 或 D' }).optional(),
    page: z.coerce.number({ error: '页码须为正整数' }).int('页码须为正整数').min(1, '页码须为正整数').max(100_000, '页码过大').default(1),
    // Up to 500, so that the map can show every shop of a street in one request.
    pageSize: z.coerce.number({ error: '每页条数须为 1 到 500 的整数' }).int('每页条数须为 1 到 500 的整数').min(1, '每页条数须为 1 到 500 的整数').max(500, '每页条数最多 500').default(20),
  })
  .strict();

export type ListShopsQuery = z.output<typeof listShopsQuery>;

/** The numeric id of /shops/:id; anything else is a 400 on params.id. */
export function parseShopId(raw: unknown): number {
  const result = z.string().regex(/^[1-9]\d{0,9}$/, '商户编号须为正整数').safeParse(raw);
  if (!result.success) throw validationErrorFrom(result.error, 'params.id');
  return Number(result.data);
}
