import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule } from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import type { AppLocale } from '@/i18n';
import { translateModule } from './translate';
import type { EditorContainers, ModelEditor } from './model-editor';

/** The parts of diagram-js the designer calls. */
interface DiagramElement {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}
interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
}
interface Selection {
  select(element: DiagramElement | DiagramElement[]): void;
  get(): DiagramElement[];
}
interface Canvas {
  zoom(scale?: 'fit-viewport' | number, center?: { x: number; y: number }): number;
  scrollToElement(element: DiagramElement, padding?: number): void;
}
interface EventBus {
  on(event: string, callback: () => void): void;
}

/** The bpmn-js modeler with the Camunda 7 properties panel, moddle and behaviours, in the user's language. */
export function createBpmnEditor(containers: EditorContainers, locale: AppLocale): ModelEditor {
  const modeler = new BpmnModeler({
    container: containers.canvas,
    propertiesPanel: containers.properties ? { parent: containers.properties } : undefined,
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
      translateModule(locale),
    ],
    moddleExtensions: { camunda: camundaModdle },
  });
  const service = <T>(name: string) => modeler.get<T>(name);

  return {
    async open(content) {
      await modeler.importXML(content);
      service<Canvas>('canvas').zoom('fit-viewport');
    },
    async content() {
      const { xml } = await modeler.saveXML({ format: true });
      return xml ?? '';
    },
    select(elementId) {
      const element = service<ElementRegistry>('elementRegistry').get(elementId);
      if (!element) return false;
      service<Selection>('selection').select(element);
      const canvas = service<Canvas>('canvas');
      // A large process fits the screen at a scale too small to read; a selected element is shown at full size.
      if (canvas.zoom() < 0.8 && element.width !== undefined) {
        canvas.zoom(1, { x: (element.x ?? 0) + element.width / 2, y: (element.y ?? 0) + (element.height ?? 0) / 2 });
      }
      canvas.scrollToElement(element, 120);
      return true;
    },
    selected() {
      return service<Selection>('selection').get().map((element) => element.id);
    },
    onChange(listener) {
      service<EventBus>('eventBus').on('commandStack.changed', listener);
    },
    destroy() {
      modeler.destroy();
    },
  };
}
