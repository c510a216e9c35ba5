import { z } from 'zod';

/** The password policy of every account: at least 10 characters, with a letter and a digit. */
export const passwordRule = z.string().min(10, '密码至少 10 位').max(256, '密码最多 256 位').regex(/[A-Za-z]/, '密码须包含字母').regex(/\d/, '密码须包含数字');
