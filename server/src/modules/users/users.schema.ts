import { z } from 'zod';
import { roles } from '../../contracts/auth.js';
import { validationErrorFrom } from '../../errors/index.js';
import { passwordRule } from './password-rule.js';

const username = z
  .string({ error: '请填写用户名' })
  .min(3, '用户名 3 到 32 位')
  .max(32, '用户名 3 到 32 位')
  .regex(/^[a-z0-9_.-]+$/, '用户名只能包含小写字母、数字、下划线、点和连字符');
const displayName = z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(64, '姓名最多 64 字');
const departmentCode = z.string({ error: '部门编码须为文字或 null' }).trim().min(1, '部门编码不能为空').max(64).nullable();
const roleList = z
  .array(z.enum(roles, { error: `角色须为 ${roles.join('、')} 之一` }), { error: '请选择角色' })
  .min(1, '至少选择一个角色')
  .transform((r) => [...new Set(r)]);

/** POST /users: a new account with its first password. */
export const createUserSchema = z.object({ username, displayName, departmentCode, roles: roleList, password: passwordRule }).strict();

/** PATCH /users/:id: only the fields sent change. */
export const updateUserSchema = z
  .object({ displayName: displayName.optional(), departmentCode: departmentCode.optional(), roles: roleList.optional(), active: z.boolean({ error: '是否启用须为 true 或 false' }).optional() })
  .strict();

/** POST /users/:id/password: the new password an admin sets. */
export const resetPasswordSchema = z.object({ password: passwordRule }).strict();

/** GET /users: optional filters. */
export const listUsersQuery = z
  .object({
    q: z.string().trim().max(64, '搜索词最多 64 字').optional(),
    departmentCode: z.string().trim().min(1).max(64).optional(),
    role: z.enum(roles, { error: `角色须为 ${roles.join('、')} 之一` }).optional(),
    active: z.enum(['true', 'false'], { error: 'active 须为 true 或 false' }).transform((v) => v === 'true').optional(),
  })
  .strict();

export type CreateUserInput = z.output<typeof createUserSchema>;
export type UpdateUserInput = z.output<typeof updateUserSchema>;
export type ListUsersQuery = z.output<typeof listUsersQuery>;

/** The numeric id of /users/:id; anything else is a 400 on params.id. */
export function parseUserId(raw: unknown): number {
  const result = z.string().regex(/^[1-9]\d{0,9}$/, '用户编号须为正整数').safeParse(raw);
  if (!result.success) throw validationErrorFrom(result.error, 'params.id');
  return Number(result.data);
}
