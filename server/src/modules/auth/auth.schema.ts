import { z } from 'zod';

export const signInSchema = z.object({ username: z.string().trim().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(256) }).strict();

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z
      .string()
      .min(10, '新密码至少 10 位')
      .max(256)
      .regex(/[A-Za-z]/, '新密码须包含字母')
      .regex(/\d/, '新密码须包含数字'),
  })
  .strict();
