import type { ValidationMessageTranslator } from './InboxValidationMessages';

/** form-js's English messages (@bpmn-io/form-js-viewer 1.x) and the message key of each, with the number they carry. */
const patterns: Array<[RegExp, string]> = [
  [/^Field is required\.$/, 'required'],
  [/^Field must have minimum length of (.+)\.$/, 'minLength'],
  [/^Field must have maximum length of (.+)\.$/, 'maxLength'],
  [/^Field must have minimum value of (.+)\.$/, 'min'],
  [/^Field must have maximum value of (.+)\.$/, 'max'],
  [/^Field must match pattern /, 'pattern'],
  [/^Value is not a number\.$/, 'number'],
  [/^Value is expected to be an integer\.$/, 'integer'],
  [/^Field must be a valid email\.$/, 'email'],
  [/^Field must be a valid +international phone number/, 'phone'],
];

/** A translator of form-js's validation messages through vue-i18n's `inbox.validation.*` messages. */
export function validationMessageTranslator(t: (key: string, named: Record<string, unknown>) => string): ValidationMessageTranslator {
  return (message) => {
    for (const [pattern, key] of patterns) {
      const match = pattern.exec(message);
      if (match) return t(`inbox.validation.${key}`, { n: match[1] ?? '' });
    }
    return message;
  };
}
