import { FormEditor } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import type { EditorContainers, ModelEditor } from './model-editor';

/** The parts of form-js the designer calls. */
interface FormField {
  id: string;
}
interface FormFieldRegistry {
  get(id: string): FormField | undefined;
}
interface Selection {
  set(field: FormField): void;
  get(): FormField | null;
}

/** The Camunda Forms editor (@bpmn-io/form-js-editor, with its own properties panel); it has no translations of its own. */
export function createFormEditor(containers: EditorContainers): ModelEditor {
  const editor = new FormEditor({ container: containers.canvas });
  const service = <T>(name: string) => editor.get(name) as T;

  return {
    async open(content) {
      await editor.importSchema(JSON.parse(content));
    },
    async content() {
      return `${JSON.stringify(editor.saveSchema(), null, 2)}\n`;
    },
    select(elementId) {
      const field = service<FormFieldRegistry>('formFieldRegistry').get(elementId);
      if (!field) return false;
      service<Selection>('selection').set(field);
      containers.canvas.querySelector(`[data-id="${CSS.escape(elementId)}"]`)?.scrollIntoView({ block: 'center' });
      return true;
    },
    selected() {
      const field = service<Selection>('selection').get();
      return field ? [field.id] : [];
    },
    onChange(listener) {
      editor.on('changed', listener);
    },
    destroy() {
      editor.destroy();
    },
  };
}
