import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors/index.js';
import { validateSubmission, type FormSchema } from './form-validator.js';

/** The forms of processes/, as deployed with the BPMN. */
const forms = {
  get: async (key: string) => JSON.parse(await readFile(new URL(`../../../../processes/${key}.form`, import.meta.url), 'utf8')) as FormSchema,
};

describe('server-side validation of Camunda Forms', () => {
  it('accepts a filing decision with only the fields its choice shows', async () => {
    const form = await forms.get('case-filing');
    expect(validateSubmission(form, { filingDecision: 'reject', rejectReason: '重复上报' })).toEqual({ filingDecision: 'reject', rejectReason: '重复上报' });
  });

  it.each([
    [{ filingDecision: 'reject' }, 'body.values.rejectReason'],
    [{ filingDecision: 'maybe' }, 'body.values.filingDecision'],
    [{ filingDecision: 'merge', mergeInto: 'abc' }, 'body.values.mergeInto'],
    [{ filingDecision: 'accept', sneaky: true }, 'body.values.sneaky'],
  ])('refuses %j naming %s', async (values, path) => {
    const form = await forms.get('case-filing');
    try {
      validateSubmission(form, values);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details!.issues.map((i) => i.path)).toContain(path);
    }
  });

  it('checks checklist options and text lengths', async () => {
    const dispatch = await forms.get('case-dispatch');
    expect(() => validateSubmission(dispatch, { manualDepartments: ['fire-brigade'] })).toThrow(ValidationError);
    expect(validateSubmission(dispatch, { manualDepartments: ['sanitation', 'commerce'] })).toEqual({ manualDepartments: ['sanitation', 'commerce'] });
    const handling = await forms.get('case-handling');
    expect(() => validateSubmission(handling, { handlingResult: 'x'.repeat(1001) })).toThrow(/最多 1000 个字/);
  });
});
