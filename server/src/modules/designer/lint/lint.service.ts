import type { DataSource } from 'typeorm';
import type { LintProblem, LintReport, LintRequest } from '../../../contracts/designer.js';
import { lintBpmnModel, topicsOf } from './bpmn-lint.js';
import { lintDmnModel } from './dmn-lint.js';
import { formIdOf, lintContext, type LintContext } from './lint-context.js';
import { lintMessages, type LintLanguage } from './messages.js';
import { readBpmnModel, readDmnModel } from './moddle.js';

/** What the lint needs from the server. */
export interface LintDeps {
  dataSource: DataSource;
  processesDir: string;
}

/** Lints one model file; a file that does not parse is one error problem with the parser's message. */
export async function lintModel(deps: LintDeps, input: LintRequest, language: LintLanguage = 'zh'): Promise<LintReport> {
  const context = await lintContext(deps.dataSource, deps.processesDir, language);
  if (input.kind === 'form') return { problems: lintForm(input.content, context), topics: [] };
  try {
    if (input.kind === 'dmn') {
      const { root, warnings } = await readDmnModel(input.content);
      return { problems: [...warnings.map((w) => parseProblem(w, context)), ...lintDmnModel(root, context)], topics: [] };
    }
    const { root, warnings } = await readBpmnModel(input.content);
    return { problems: [...warnings.map((w) => parseProblem(w, context)), ...(await lintBpmnModel(root, context))], topics: topicsOf(root, context) };
  } catch (error) {
    return { problems: [parseProblem(error, context)], topics: [] };
  }
}

/** Whether a report blocks a deployment. */
export function hasErrors(report: LintReport): boolean {
  return report.problems.some((p) => p.severity === 'error');
}

function lintForm(content: string, context: LintContext): LintProblem[] {
  try {
    JSON.parse(content);
  } catch (error) {
    return [{ message: lintMessages.formNotJson[context.language](error instanceof Error ? error.message : String(error)), rule: 'parse', severity: 'error', source: 'lianqin' }];
  }
  return formIdOf(content) ? [] : [{ message: lintMessages.formNoId[context.language](), rule: 'lianqin/form-id', severity: 'error', source: 'lianqin' }];
}

/** A parse error, or a parser warning: content the parser had to drop (a duplicate id, an unknown element), which the engine would not get either. */
function parseProblem(error: unknown, context: LintContext): LintProblem {
  // moddle's messages continue with line, column and the nested error on tab-indented lines; one line reads better.
  const message = (error instanceof Error ? error.message : String(error)).split('\n').map((l) => l.trim()).filter(Boolean).join('；');
  return { message: lintMessages.parseFailed[context.language](message), rule: 'parse', severity: 'error', source: 'bpmnlint' };
}
