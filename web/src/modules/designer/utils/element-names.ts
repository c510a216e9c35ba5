import type { ModelKind } from '@contracts/designer';

interface FormComponent {
  id?: string;
  label?: string;
  text?: string;
  components?: FormComponent[];
}

function formNames(components: FormComponent[] | undefined, names: Record<string, string>): void {
  for (const component of components ?? []) {
    const label = component.label ?? component.text;
    if (component.id && label) names[component.id] = label;
    formNames(component.components, names);
  }
}

/**
 * The names of a model's elements by id (BPMN and DMN `name` or `label` attributes, form field labels), so that the
 * problems panel can name the element a problem is about. A model that does not parse has no names.
 */
export function elementNames(kind: ModelKind, content: string): Record<string, string> {
  const names: Record<string, string> = {};
  if (kind === 'form') {
    try {
      formNames((JSON.parse(content) as FormComponent).components, names);
    } catch {
      // An unreadable form has no names; the lint reports why it is unreadable.
    }
    return names;
  }
  const document = new DOMParser().parseFromString(content, 'application/xml');
  for (const element of Array.from(document.querySelectorAll('[id]'))) {
    const name = element.getAttribute('name') ?? element.getAttribute('label');
    if (name) names[element.getAttribute('id')!] = name;
  }
  return names;
}

/** The id of the first executable process of a BPMN model, or of the first decision of a DMN model: its key in the engine. */
export function definitionKey(kind: ModelKind, content: string): string | undefined {
  if (kind === 'form') return undefined;
  const document = new DOMParser().parseFromString(content, 'application/xml');
  const local = kind === 'bpmn' ? 'process' : 'decision';
  const candidates = Array.from(document.getElementsByTagNameNS('*', local));
  const chosen = kind === 'bpmn' ? (candidates.find((element) => element.getAttribute('isExecutable') === 'true') ?? candidates[0]) : candidates[0];
  return chosen?.getAttribute('id') ?? undefined;
}
