import camundaPackage from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };

/** The part of a moddle element the lint reads; the moddles ship no typings for their entry points. */
export interface ModdleElement {
  $type: string;
  $parent?: ModdleElement;
  id?: string;
  name?: string;
  get(name: string): unknown;
  $instanceOf(type: string): boolean;
  [property: string]: unknown;
}

interface Moddle {
  fromXML(xml: string): Promise<{ rootElement: ModdleElement; warnings: Array<{ message: string }> }>;
}

type ModdleConstructor = new (packages?: Record<string, unknown>) => Moddle;

// Imported by a variable name, so that their untyped entry points stay local to this file.
const bpmnModdleName = 'bpmn-moddle';
const dmnModdleName = 'dmn-moddle';
let bpmnModdle: Promise<ModdleConstructor> | undefined;
let dmnModdle: Promise<ModdleConstructor> | undefined;

/** Reads BPMN XML with the Camunda 7 extension; XML that does not parse throws the parser's error. */
export async function readBpmnModel(xml: string): Promise<{ root: ModdleElement; warnings: string[] }> {
  bpmnModdle ??= import(bpmnModdleName).then((m: { BpmnModdle: ModdleConstructor }) => m.BpmnModdle);
  const BpmnModdle = await bpmnModdle;
  const { rootElement, warnings } = await new BpmnModdle({ camunda: camundaPackage }).fromXML(xml);
  return { root: definitionsOr(rootElement, 'bpmn:Definitions', warnings), warnings: warnings.map((w) => w.message) };
}

/** Reads DMN XML; Camunda attributes stay as plain attributes, which the lint does not need. */
export async function readDmnModel(xml: string): Promise<{ root: ModdleElement; warnings: string[] }> {
  dmnModdle ??= import(dmnModdleName).then((m: { DmnModdle: ModdleConstructor }) => m.DmnModdle);
  const DmnModdle = await dmnModdle;
  const { rootElement, warnings } = await new DmnModdle().fromXML(xml);
  return { root: definitionsOr(rootElement, 'dmn:Definitions', warnings), warnings: warnings.map((w) => w.message) };
}

/** The root when it is the model's definitions; XML of another kind throws the parser's first warning. */
function definitionsOr(root: ModdleElement | undefined, type: string, warnings: Array<{ message: string }>): ModdleElement {
  if (root && typeof root.$instanceOf === 'function' && root.$instanceOf(type)) return root;
  throw new Error(warnings[0]?.message ?? `not a ${type.split(':')[0]!.toUpperCase()} model`);
}
