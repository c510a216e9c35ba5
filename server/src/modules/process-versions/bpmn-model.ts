import camundaPackage from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import { InvalidModelError } from './errors.js';

/** The part of a moddle element the diff reads; bpmn-moddle's own types do not cover the Camunda extension. */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  get(name: string): unknown;
  [property: string]: unknown;
}

interface Moddle {
  fromXML(xml: string): Promise<{ rootElement: ModdleElement; warnings: Array<{ message: string }> }>;
}

type ModdleConstructor = new (packages: Record<string, unknown>) => Moddle;

// bpmn-moddle ships no typings for its entry point; importing it by a variable name keeps its type local to this file.
const bpmnModdleName = 'bpmn-moddle';
let moddleClass: Promise<ModdleConstructor> | undefined;

/** Reads BPMN XML with the Camunda 7 extension; XML that does not parse is an InvalidModelError naming the parser's message. */
export async function readBpmn(xml: string, label: string): Promise<ModdleElement> {
  moddleClass ??= import(bpmnModdleName).then((module: { BpmnModdle: ModdleConstructor }) => module.BpmnModdle);
  const BpmnModdle = await moddleClass;
  try {
    const { rootElement } = await new BpmnModdle({ camunda: camundaPackage }).fromXML(xml);
    return rootElement;
  } catch (error) {
    throw new InvalidModelError(`${label} 不是有效的 BPMN：${error instanceof Error ? error.message : String(error)}`, { label });
  }
}

/** Every element a designer sees on the diagram, by id: flow elements at any depth, lanes, participants and message flows. */
export function elementsById(definitions: ModdleElement): Map<string, ModdleElement> {
  const found = new Map<string, ModdleElement>();
  const add = (element: ModdleElement) => {
    if (element.id) found.set(element.id, element);
  };
  const visitContainer = (container: ModdleElement) => {
    for (const element of list(container.get('flowElements'))) {
      add(element);
      if (element.$type.endsWith('SubProcess') || element.$type === 'bpmn:Transaction') visitContainer(element);
    }
    for (const laneSet of list(container.get('laneSets'))) visitLanes(laneSet);
  };
  const visitLanes = (laneSet: ModdleElement) => {
    for (const lane of list(laneSet.get('lanes'))) {
      add(lane);
      const child = lane.get('childLaneSet') as ModdleElement | undefined;
      if (child) visitLanes(child);
    }
  };
  for (const root of list(definitions.get('rootElements'))) {
    if (root.$type === 'bpmn:Process') visitContainer(root);
    if (root.$type === 'bpmn:Collaboration') {
      for (const participant of list(root.get('participants'))) add(participant);
      for (const flow of list(root.get('messageFlows'))) add(flow);
    }
  }
  return found;
}

/**
 * The properties of an element a designer cares about, as text: topic, candidate groups, timers, forms, conditions
 * and the rest of Camunda 7's execution attributes. Absent properties are left out.
 */
export function namedProperties(element: ModdleElement): Record<string, string> {
  const camunda = (name: string) => text(element.get(`camunda:${name}`));
  const eventDefinitions = list(element.get('eventDefinitions'));
  const properties: Record<string, string | undefined> = {
    name: text(element.name),
    topic: camunda('topic') ?? eventDefinitions.map((definition) => text(definition.get('camunda:topic'))).find(Boolean),
    candidateGroups: camunda('candidateGroups'),
    candidateUsers: camunda('candidateUsers'),
    assignee: camunda('assignee'),
    dueDate: camunda('dueDate'),
    form: formOf(element),
    timer: joined(eventDefinitions.filter((d) => d.$type === 'bpmn:TimerEventDefinition').map(timerOf)),
    condition: expression(element.get('conditionExpression')) ?? joined(eventDefinitions.map((d) => expression(d.get('condition')))),
    decision: camunda('decisionRef'),
    calledElement: text(element.get('calledElement')),
    implementation: camunda('class') ?? camunda('expression') ?? camunda('delegateExpression') ?? (camunda('type') === 'external' ? undefined : camunda('type')),
    script: element.$type === 'bpmn:ScriptTask' ? joined([text(element.get('scriptFormat')), text(element.get('script'))]) : undefined,
    multiInstance: multiInstanceOf(element.get('loopCharacteristics') as ModdleElement | undefined),
    inputOutput: inputOutputOf(element),
    event: joined(eventDefinitions.filter((d) => d.$type !== 'bpmn:TimerEventDefinition').map(eventOf)),
    async: joined([element.get('camunda:asyncBefore') ? 'asyncBefore' : undefined, element.get('camunda:asyncAfter') ? 'asyncAfter' : undefined]),
    cancelActivity: element.$type === 'bpmn:BoundaryEvent' ? String(element.get('cancelActivity')) : undefined,
    defaultFlow: refId(element.get('default')),
    source: refId(element.get('sourceRef')),
    target: refId(element.get('targetRef')),
  };
  return Object.fromEntries(Object.entries(properties).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

/** The BPMN type of an element without its prefix (ServiceTask, SequenceFlow…). */
export function typeOf(element: ModdleElement): string {
  return element.$type.replace(/^bpmn:/, '');
}

function formOf(element: ModdleElement): string | undefined {
  const ref = text(element.get('camunda:formRef'));
  if (ref) {
    const binding = text(element.get('camunda:formRefBinding'));
    const version = text(element.get('camunda:formRefVersion'));
    return joined([ref, binding && binding !== 'latest' ? `(${binding}${version ? ` ${version}` : ''})` : undefined], ' ');
  }
  return text(element.get('camunda:formKey'));
}

function timerOf(definition: ModdleElement): string | undefined {
  for (const kind of ['timeDuration', 'timeDate', 'timeCycle'] as const) {
    const value = expression(definition.get(kind));
    if (value) return `${kind}: ${value}`;
  }
  return undefined;
}

function eventOf(definition: ModdleElement): string {
  const ref = refId(definition.get('errorRef')) ?? refId(definition.get('messageRef')) ?? refId(definition.get('signalRef')) ?? refId(definition.get('escalationRef'));
  return joined([typeOf(definition).replace(/EventDefinition$/, ''), ref], ' ') ?? '';
}

function multiInstanceOf(loop: ModdleElement | undefined): string | undefined {
  if (!loop || loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return undefined;
  return joined([
    loop.get('isSequential') ? 'sequential' : 'parallel',
    text(loop.get('camunda:collection')) && `collection=${text(loop.get('camunda:collection'))}`,
    text(loop.get('camunda:elementVariable')) && `elementVariable=${text(loop.get('camunda:elementVariable'))}`,
    expression(loop.get('loopCardinality')) && `cardinality=${expression(loop.get('loopCardinality'))}`,
    expression(loop.get('completionCondition')) && `completion=${expression(loop.get('completionCondition'))}`,
  ]);
}

function inputOutputOf(element: ModdleElement): string | undefined {
  const extensions = element.get('extensionElements') as ModdleElement | undefined;
  const io = list(extensions?.get('values')).find((value) => value.$type === 'camunda:InputOutput');
  if (!io) return undefined;
  const parameters = (kind: string, prefix: string) => list(io.get(kind)).map((p) => `${prefix} ${text(p.get('name')) ?? ''}=${parameterValue(p)}`);
  return joined([...parameters('inputParameters', 'in'), ...parameters('outputParameters', 'out')]);
}

function parameterValue(parameter: ModdleElement): string {
  const definition = parameter.get('definition') as ModdleElement | undefined;
  if (!definition) return text(parameter.get('value')) ?? '';
  return expression(definition) ?? text(definition.get('value')) ?? typeOf(definition);
}

function expression(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const element = value as ModdleElement;
  return text(element.get('body'));
}

function refId(value: unknown): string | undefined {
  return value && typeof value === 'object' ? text((value as ModdleElement).id) : undefined;
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const result = String(value).trim();
  return result === '' ? undefined : result;
}

function joined(values: Array<string | undefined | false>, separator = '; '): string | undefined {
  const present = values.filter((value): value is string => typeof value === 'string' && value !== '');
  return present.length > 0 ? present.join(separator) : undefined;
}

function list(value: unknown): ModdleElement[] {
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}
