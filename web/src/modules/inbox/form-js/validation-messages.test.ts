import { describe, expect, it } from 'vitest';
import { validationMessageTranslator } from './validation-messages';

const messages: Record<string, string> = {
  'inbox.validation.required': '必填',
  'inbox.validation.maxLength': '最多 {n} 个字',
};
const translate = validationMessageTranslator((key, named) => (messages[key] ?? key).replace('{n}', String(named.n)));

describe('validationMessageTranslator', () => {
  it.each([
    ['Field is required.', '必填'],
    ['Field must have maximum length of 1000.', '最多 1000 个字'],
  ])('translates "%s"', (message, expected) => {
    expect(translate(message)).toBe(expected);
  });

  it('passes a message it does not know, such as a form-defined pattern message', () => {
    expect(translate('案卷号形如 QH20250601001')).toBe('案卷号形如 QH20250601001');
  });
});
