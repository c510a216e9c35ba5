import { z } from 'zod';
// A leaf file of the users module: importing its index here would close the auth ↔ users loop at load time.
import { passwordRule } from '../users/password-rule.js';


export const signInSchema = z.object({ username: z.string().trim().min(1, '请输入用户名').max(64), password: z.string().min(1, '请输入密码').max(256) }).strict();

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: passwordRule,
  })
  .strict();
