import { diff } from 'bpmn-js-differ';
import type { DiffChangedElement, DiffElement, DiffPropertyChange, DiffResult } from '../../contracts/process-versions.js';
import { elementsById, namedProperties, readBpmn, typeOf, type ModdleElement } from './bpmn-model.js';

/** What changed from one BPMN model to another. */
export type BpmnChanges = DiffResult['changes'];

/**
 * Compares two BPMN models: bpmn-js-differ finds added, removed, changed and moved elements; each changed element then
 * names the properties a designer cares about (topic, candidate groups, timers, forms, conditions…) with before and
 * after. The differ misses changes nested below untracked elements (a timer's duration), so those are compared here too.
 */
export async function diffBpmn(leftXml: string, rightXml: string, labels = { left: 'left', right: 'right' }): Promise<BpmnChanges> {
  const [left, right] = await Promise.all([readBpmn(leftXml, labels.left), readBpmn(rightXml, labels.right)]);
  const found = diff(left, right);
  const before = elementsById(left);
  const after = elementsById(right);

  const added = idsOf(found._added, after).concat([...after.keys()].filter((id) => !before.has(id) && !(id in found._added)));
  const removed = idsOf(found._removed, before).concat([...before.keys()].filter((id) => !after.has(id) && !(id in found._removed)));
  const changed: DiffChangedElement[] = [];
  for (const [id, newer] of after) {
    const older = before.get(id);
    if (!older) continue;
    const properties = propertyChanges(older, newer, found._changed[id]?.attrs ?? {});
    if (properties.length > 0) changed.push({ ...describe(newer), properties });
  }
  const changedIds = new Set(changed.map((element) => element.id));
  const moved = Object.keys(found._layoutChanged).filter((id) => after.has(id) && before.has(id) && !changedIds.has(id));

  return {
    added: unique(added).map((id) => describe(after.get(id)!)),
    removed: unique(removed).map((id) => describe(before.get(id)!)),
    changed,
    moved: moved.map((id) => describe(after.get(id)!)),
  };
}

function propertyChanges(older: ModdleElement, newer: ModdleElement, differAttrs: Record<string, { oldValue: unknown; newValue: unknown }>): DiffPropertyChange[] {
  const changes: DiffPropertyChange[] = [];
  if (older.$type !== newer.$type) changes.push({ property: 'type', before: typeOf(older), after: typeOf(newer) });
  const was = namedProperties(older);
  const is = namedProperties(newer);
  for (const property of new Set([...Object.keys(was), ...Object.keys(is)])) {
    if (was[property] !== is[property]) changes.push({ property, before: was[property], after: is[property] });
  }
  if (changes.length > 0) return changes;
  // Something the named properties do not cover (documentation, an extension property): name the attribute.
  return Object.entries(differAttrs)
    .filter(([attribute]) => attribute !== '$type' && attribute !== 'di')
    .map(([attribute, { oldValue, newValue }]) => ({ property: attribute.replace(/\[\d+\]$/, ''), before: scalar(oldValue), after: scalar(newValue) }));
}

function describe(element: ModdleElement): DiffElement {
  const name = element.name?.trim();
  return { id: element.id!, type: typeOf(element), ...(name ? { name } : {}) };
}

function idsOf(record: Record<string, unknown>, known: Map<string, ModdleElement>): string[] {
  return Object.keys(record).filter((id) => known.has(id));
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function scalar(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
