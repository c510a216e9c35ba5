import type zhCN from './zh-CN';

/** English messages of the auth module. */
const en: typeof zhCN = {
  auth: {
    login: {
      product: 'Lianqin',
      tagline: 'Joint Enforcement for City Management',
      title: 'Sign in',
      username: 'User name',
      usernamePlaceholder: 'Enter your user name',
      password: 'Password',
      passwordPlaceholder: 'Enter your password',
      submit: 'Sign in',
      usernameRequired: 'Enter your user name',
      passwordRequired: 'Enter your password',
      failed: 'Sign-in failed',
      notice: 'For authorised staff only. Every action is recorded in the audit log.',
    },
    sessionEnded: 'Your session has ended; please sign in again',
    forbidden: {
      title: 'No access',
      description: 'Your account may not open this page. Ask a system administrator if you need it.',
      back: 'Back to my tasks',
    },
    password: {
      title: 'Change password',
      current: 'Current password',
      new: 'New password',
      confirm: 'Confirm new password',
      hint: 'At least 10 characters, with letters and digits',
      currentRequired: 'Enter your current password',
      newRequired: 'Enter a new password',
      tooShort: 'A password needs at least 10 characters',
      needsLetterAndDigit: 'A password needs letters and digits',
      confirmRequired: 'Enter the new password again',
      mismatch: 'The two passwords differ',
      submit: 'Change password',
      changed: 'Password changed; your sessions on other devices have ended',
    },
  },
};

export default en;
