import type { LintProblem } from '../../../contracts/designer.js';
import type { LintContext } from './lint-context.js';
import { lintMessages } from './messages.js';
import type { ModdleElement } from './moddle.js';

/** An output names departments when its name or label says so (departments, leadDepartment, 派遣部门…). */
function namesDepartments(output: ModdleElement): boolean {
  return /department/i.test(String(output.name ?? '')) || /部门/.test(String(output.get('label') ?? ''));
}

/** The department codes an output entry names: its FEEL string literals, each a comma-separated list. */
export function codesIn(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"/g)].flatMap((m) => m[1]!.split(',').map((c) => c.trim()).filter(Boolean));
}

/** Every DMN output that names departments names real ones; each wrong code is reported on its rule. */
export function lintDmnModel(root: ModdleElement, context: LintContext): LintProblem[] {
  const problems: LintProblem[] = [];
  for (const element of (root.get('drgElement') as ModdleElement[] | undefined) ?? []) {
    const table = element.get('decisionLogic') as ModdleElement | undefined;
    if (!table?.$instanceOf('dmn:DecisionTable')) continue;
    const outputs = (table.get('output') as ModdleElement[]) ?? [];
    for (const rule of (table.get('rule') as ModdleElement[]) ?? []) {
      const entries = (rule.get('outputEntry') as ModdleElement[]) ?? [];
      outputs.forEach((output, index) => {
        if (!namesDepartments(output)) return;
        const text = String(entries[index]?.get('text') ?? '');
        for (const code of codesIn(text).filter((c) => !context.departments.has(c))) {
          problems.push({ elementId: rule.id, message: lintMessages.departmentUnknown[context.language](String(output.get('label') ?? output.name), code), rule: 'lianqin/dmn-departments', severity: 'error', source: 'lianqin' });
        }
      });
    }
  }
  return problems;
}
