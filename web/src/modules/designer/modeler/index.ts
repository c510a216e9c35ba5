import type { ModelKind } from '@contracts/designer';
import type { AppLocale } from '@/i18n';
import type { EditorContainers, ModelEditor } from './model-editor';

export type { EditorContainers, ModelEditor } from './model-editor';

/** Creates the bpmn.io editor of a kind of model; each one loads on first use, as they are large. */
export async function createModelEditor(kind: ModelKind, containers: EditorContainers, locale: AppLocale): Promise<ModelEditor> {
  if (kind === 'bpmn') return (await import('./bpmn-editor')).createBpmnEditor(containers, locale);
  if (kind === 'dmn') return (await import('./dmn-editor')).createDmnEditor(containers, locale);
  return (await import('./form-editor')).createFormEditor(containers);
}
