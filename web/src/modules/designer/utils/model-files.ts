import type { ModelKind } from '@contracts/designer';

/** The file extension of each kind of model, as processes/ names them. */
export const kindExtensions: Record<ModelKind, string> = { bpmn: '.bpmn', dmn: '.dmn', form: '.form' };

/** A base name a new model may have: lower-case words joined by hyphens, like the files in processes/. */
export const modelBaseName = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Escapes text for an XML attribute. */
function xmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The first content of a new model: an executable process with a start event (Camunda 7 namespace, history time to
 * live set so that the engine accepts it), a decision with an empty FIRST table, or an empty form.
 */
export function newModelContent(kind: ModelKind, id: string, name: string): string {
  const attrName = xmlAttribute(name);
  if (kind === 'bpmn') {
    return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="${id}-definitions" targetNamespace="https://lianqin.city/bpmn">
  <bpmn:process id="${id}" name="${attrName}" isExecutable="true" camunda:historyTimeToLive="P180D">
    <bpmn:startEvent id="start" name="开始" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="${id}-diagram">
    <bpmndi:BPMNPlane id="${id}-plane" bpmnElement="${id}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
  }
  if (kind === 'dmn') {
    return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="${id}-definitions" name="${attrName}" namespace="https://lianqin.city/dmn">
  <decision id="${id}" name="${attrName}" camunda:historyTimeToLive="P180D">
    <decisionTable id="${id}-table" hitPolicy="FIRST">
      <input id="${id}-input" label="输入">
        <inputExpression id="${id}-input-expression" typeRef="string">
          <text></text>
        </inputExpression>
      </input>
      <output id="${id}-output" label="输出" name="result" typeRef="string" />
    </decisionTable>
  </decision>
</definitions>
`;
  }
  return `${JSON.stringify({ id, type: 'default', components: [], schemaVersion: 16 }, null, 2)}\n`;
}
