import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { uniqueKey } from '../../../../test/support/test-env.js';

/** A fixture beside the designer's tests, with its placeholders filled in. */
export async function fixture(name: string, values: Record<string, string> = {}): Promise<string> {
  let text = await readFile(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
  for (const [placeholder, value] of Object.entries(values)) text = text.replaceAll(placeholder, value);
  return text;
}

/** A lint-clean two-step process with its own key: an external task on a handled topic and a user task. */
export function twoSteps(overrides: Partial<Record<'PROCESS_ID' | 'PROCESS_NAME' | 'TOPIC' | 'GROUP' | 'FORM' | 'HTTL', string>> = {}): Promise<string> {
  return fixture('two-steps.bpmn', { PROCESS_ID: uniqueKey('designer-test'), PROCESS_NAME: '设计器测试', TOPIC: 'case-locate-grid', GROUP: 'sanitation', FORM: 'case-handling', HTTL: 'P1D', ...overrides });
}

/** A unique file name for a draft, since drafts are unique by name in the shared database. */
export function draftFileName(kind: 'bpmn' | 'dmn' | 'form'): string {
  return `${uniqueKey('draft')}.${kind}`;
}
