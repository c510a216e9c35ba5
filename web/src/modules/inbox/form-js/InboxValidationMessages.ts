/** Turns one of form-js's English validation messages into the user's language; unknown messages pass through. */
export type ValidationMessageTranslator = (message: string) => string;

/** The part of form-js's validator that this extension wraps. */
interface FormValidator {
  validateFieldInstance(fieldInstance: unknown, value: unknown): string[];
}

/**
 * Translates form-js's validation messages (which are English only) as they are produced, so that a liaison sees
 * "必填" under an empty 处置结果 rather than "Field is required.". The translator comes from the form's options
 * as `validationMessages`.
 */
export default class InboxValidationMessages {
  static $inject = ['validator', 'config.validationMessages'];

  constructor(validator: FormValidator, translate: ValidationMessageTranslator | undefined) {
    if (!translate) return;
    const validate = validator.validateFieldInstance.bind(validator);
    validator.validateFieldInstance = (fieldInstance, value) => validate(fieldInstance, value).map(translate);
  }
}
