import InboxValidationMessages from './InboxValidationMessages';

export type { ValidationMessageTranslator } from './InboxValidationMessages';

/** The inbox's form-js extension: validation messages in the user's language. */
export default {
  __init__: ['inboxValidationMessages'],
  inboxValidationMessages: ['type', InboxValidationMessages],
};
