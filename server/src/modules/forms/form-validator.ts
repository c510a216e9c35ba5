import { evaluate } from 'feelin';
import { ValidationError, type FieldIssue } from '../../errors/index.js';

/** The parts of a Camunda Form (form-js schema) that the server checks. */
interface FormComponent {
  key?: string;
  type: string;
  label?: string;
  values?: Array<{ value: unknown; label: string }>;
  validate?: { required?: boolean; minLength?: number; maxLength?: number; pattern?: string; min?: number; max?: number };
  conditional?: { hide?: string };
  components?: FormComponent[];
}

/** A Camunda Form (form-js schema) as deployed with the BPMN. */
export interface FormSchema {
  id: string;
  components: FormComponent[];
}

/**
 * Checks a submission against its form as form-js would in the browser: required fields, options, lengths, patterns,
 * and FEEL `hide` conditions. Returns only the values of visible fields; anything else is refused.
 */
export function validateSubmission(form: FormSchema, values: Record<string, unknown>): Record<string, unknown> {
  const issues: FieldIssue[] = [];
  const fields = flatten(form.components).filter((c) => c.key);
  const known = new Set(fields.map((c) => c.key!));
  for (const key of Object.keys(values)) if (!known.has(key)) issues.push({ path: `body.values.${key}`, message: '表单中没有这个字段' });
  const accepted: Record<string, unknown> = {};
  for (const field of fields) {
    const key = field.key!;
    if (field.conditional?.hide && isTrue(field.conditional.hide, values)) continue;
    const value = values[key];
    const problem = checkField(field, value);
    if (problem) issues.push({ path: `body.values.${key}`, message: `${field.label ?? key}：${problem}` });
    else if (value !== undefined) accepted[key] = value;
  }
  if (issues.length) throw new ValidationError(`表单填写有误：${issues.map((i) => i.message).join('；')}`, { issues });
  return accepted;
}

function checkField(field: FormComponent, value: unknown): string | undefined {
  const rules = field.validate ?? {};
  const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) return rules.required && field.type !== 'checkbox' ? '必填' : undefined;
  const options = field.values?.map((v) => v.value);
  switch (field.type) {
    case 'radio':
    case 'select':
      return options?.includes(value) ? undefined : '不是可选的值';
    case 'checklist':
      return Array.isArray(value) && value.every((v) => options?.includes(v)) ? undefined : '包含不可选的值';
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : '应为是或否';
    case 'number':
      if (typeof value !== 'number' || Number.isNaN(value)) return '应为数字';
      if (rules.min !== undefined && value < rules.min) return `不能小于 ${rules.min}`;
      if (rules.max !== undefined && value > rules.max) return `不能大于 ${rules.max}`;
      return undefined;
    default:
      if (typeof value !== 'string') return '应为文本';
      if (rules.minLength !== undefined && value.length < rules.minLength) return `至少 ${rules.minLength} 个字`;
      if (rules.maxLength !== undefined && value.length > rules.maxLength) return `最多 ${rules.maxLength} 个字`;
      if (rules.pattern && !new RegExp(rules.pattern).test(value)) return '格式不正确';
      return undefined;
  }
}

function isTrue(expression: string, values: Record<string, unknown>): boolean {
  const { value } = evaluate(expression.replace(/^=/, ''), values);
  return value === true;
}

function flatten(components: FormComponent[]): FormComponent[] {
  return components.flatMap((c) => [c, ...flatten(c.components ?? [])]);
}
