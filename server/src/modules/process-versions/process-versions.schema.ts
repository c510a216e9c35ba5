import { z } from 'zod';

const definitionId = z.string().trim().min(1, '须填写流程版本标识').max(255);

/** One side of a diff: a deployed version, or a draft at a revision. */
const diffSide = z.union([
  z.strictObject({ definitionId }),
  z.strictObject({ draftId: z.number().int().positive('草稿编号须为正整数'), revision: z.number().int().positive('修订号须为正整数').optional() }),
]);

/** POST /designer/diff. */
export const diffSchema = z.strictObject({ left: diffSide, right: diffSide });

/** POST /designer/incidents/:id/retry; one retry unless told. */
export const retrySchema = z.strictObject({ retries: z.number().int('重试次数须为整数').min(1, '重试次数至少为 1').max(10, '重试次数至多为 10').default(1) });

/** POST /designer/migrations/plan. */
export const migrationPlanSchema = z.strictObject({ sourceDefinitionId: definitionId, targetDefinitionId: definitionId });

/** POST /designer/migrations/execute. */
export const migrationExecuteSchema = migrationPlanSchema.extend({
  processInstanceIds: z.array(z.string().trim().min(1)).min(1, '至少选择一个实例').max(10_000).optional(),
});
