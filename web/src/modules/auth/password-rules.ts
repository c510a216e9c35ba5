import type { FormItemRule } from 'element-plus';
import { i18n } from '@/i18n';

/**
 * The server's password policy as Element Plus form rules (at least 10 characters, letters and digits), so that every
 * password field says the same thing before the server does; `requiredMessage` fits the field (new, initial…).
 */
export function passwordRules(requiredMessage: string): FormItemRule[] {
  const { t } = i18n.global;
  return [
    { required: true, message: requiredMessage, trigger: 'blur' },
    { min: 10, message: t('auth.password.tooShort'), trigger: 'blur' },
    { pattern: /^(?=.*[A-Za-z])(?=.*\d)/, message: t('auth.password.needsLetterAndDigit'), trigger: 'blur' },
  ];
}

/** The rules of a "type it again" field: filled in, and equal to the password it repeats. */
export function confirmPasswordRules(password: () => string): FormItemRule[] {
  const { t } = i18n.global;
  return [
    { required: true, message: t('auth.password.confirmRequired'), trigger: 'blur' },
    { validator: (_rule, value, callback) => callback(value === password() ? undefined : new Error(t('auth.password.mismatch'))), trigger: 'blur' },
  ];
}
