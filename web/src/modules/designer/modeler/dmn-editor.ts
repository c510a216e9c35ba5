import DmnModeler from 'dmn-js/lib/Modeler';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import type { AppLocale } from '@/i18n';
import { translateModule } from './translate';
import type { EditorContainers, ModelEditor } from './model-editor';

/** The parts of dmn-js the designer calls. */
interface DmnElement {
  id: string;
  $type: string;
  decisionLogic?: DmnElement;
  rule?: { id: string; inputEntry?: { id: string }[]; outputEntry?: { id: string }[] }[];
  input?: { id: string }[];
  output?: { id: string }[];
}
interface DmnView {
  type: 'drd' | 'decisionTable' | 'literalExpression' | string;
  element: DmnElement;
}
interface DmnViewer {
  get<T>(name: string): T;
}
interface DmnManager {
  importXML(xml: string): Promise<unknown>;
  saveXML(options: { format: boolean }): Promise<{ xml: string }>;
  getViews(): DmnView[];
  getActiveView(): DmnView | undefined;
  getActiveViewer(): DmnViewer | undefined;
  open(view: DmnView): Promise<unknown>;
  on(event: string, callback: () => void): void;
  destroy(): void;
}
interface EventBus {
  on(event: string, callback: () => void): void;
}

/** Which decision table holds an element (a rule, an entry, an input or output column), and the cell to focus. */
function locate(views: DmnView[], elementId: string): { view: DmnView; cellId?: string } | undefined {
  for (const view of views) {
    if (view.element.id === elementId) return { view };
    const table = view.element.decisionLogic;
    if (view.type !== 'decisionTable' || !table) continue;
    if (table.id === elementId) return { view };
    for (const rule of table.rule ?? []) {
      const entries = [...(rule.inputEntry ?? []), ...(rule.outputEntry ?? [])];
      if (rule.id === elementId) return { view, cellId: entries[0]?.id };
      if (entries.some((entry) => entry.id === elementId)) return { view, cellId: elementId };
    }
    if ([...(table.input ?? []), ...(table.output ?? [])].some((column) => column.id === elementId)) return { view, cellId: elementId };
  }
  return undefined;
}

/** The dmn-js modeler (decision requirements diagram and decision tables), in the user's language. */
export function createDmnEditor(containers: EditorContainers, locale: AppLocale): ModelEditor {
  // dmn-js replaces (does not merge) `common.additionalModules` with each view's own, so each view gets the module.
  const translated = { additionalModules: [translateModule(locale)] };
  const modeler = new DmnModeler({
    container: containers.canvas,
    drd: translated,
    decisionTable: translated,
    literalExpression: translated,
    boxedExpression: translated,
  }) as DmnManager;
  const listeners: (() => void)[] = [];
  const watched = new WeakSet<object>();
  const changed = () => listeners.forEach((listener) => listener());

  // Each view has its own viewer and event bus; listen on each once, when it is first shown.
  modeler.on('views.changed', () => {
    const viewer = modeler.getActiveViewer();
    if (!viewer || watched.has(viewer)) return;
    watched.add(viewer);
    viewer.get<EventBus>('eventBus').on('elements.changed', changed);
  });

  return {
    async open(content) {
      await modeler.importXML(content);
      // A file with one decision table opens on its table, where the designer works; the DRD is one click away.
      const tables = modeler.getViews().filter((view) => view.type === 'decisionTable');
      if (tables.length === 1 && tables[0]) await modeler.open(tables[0]);
    },
    async content() {
      return (await modeler.saveXML({ format: true })).xml;
    },
    select(elementId) {
      const found = locate(modeler.getViews(), elementId);
      if (!found) return false;
      const focus = () => {
        const cell = found.cellId ? containers.canvas.querySelector<HTMLElement>(`[data-element-id="${CSS.escape(found.cellId)}"]`) : null;
        cell?.scrollIntoView({ block: 'center', inline: 'nearest' });
        cell?.focus();
      };
      if (modeler.getActiveView() === found.view) focus();
      else void modeler.open(found.view).then(() => requestAnimationFrame(focus));
      return true;
    },
    selected() {
      return [];
    },
    onChange(listener) {
      listeners.push(listener);
    },
    destroy() {
      modeler.destroy();
    },
  };
}
