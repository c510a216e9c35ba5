/** Our own typings of bpmn-js-differ 3: only what the diff uses (the package ships none). */
declare module 'bpmn-js-differ' {
  /** What the differ found, keyed by element id. */
  export interface DiffChanges {
    _added: Record<string, unknown>;
    _removed: Record<string, unknown>;
    _layoutChanged: Record<string, unknown>;
    _changed: Record<string, { model: unknown; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>;
  }

  /** Compares two bpmn-moddle definitions: what changed from a to b. */
  export function diff(a: unknown, b: unknown): DiffChanges;
}
