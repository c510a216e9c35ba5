/** What the editor view needs from each bpmn.io editor (BPMN modeler, DMN modeler, form editor), whatever the kind. */
export interface ModelEditor {
  /** Shows the content; rejects with the parser's message when it cannot be read. */
  open(content: string): Promise<void>;
  /** The content as it is now, in the file's format (XML or form JSON). */
  content(): Promise<string>;
  /** Selects the element and scrolls it into view; false when the model has no such element. */
  select(elementId: string): boolean;
  /** The ids of the elements selected now (used to keep the selection across a language switch). */
  selected(): string[];
  /** Calls the listener after every change the user makes. */
  onChange(listener: () => void): void;
  destroy(): void;
}

/** Where an editor draws: the canvas, and (BPMN only) the properties panel beside it. */
export interface EditorContainers {
  canvas: HTMLElement;
  properties?: HTMLElement;
}
