import { BpmnModdle } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';
import { describe, expect, it } from 'vitest';
import { modelBaseName, newModelContent } from './model-files';

describe('the first content of a new model', () => {
  it('is an executable BPMN process whose name is escaped', async () => {
    // when
    const xml = newModelContent('bpmn', 'lamp-repair', '路灯 & "报修"');

    // then it parses without warnings and names the process
    const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
    expect(warnings).toEqual([]);
    const process = (rootElement as unknown as { rootElements: { id: string; name: string; isExecutable: boolean }[] }).rootElements[0];
    expect(process).toMatchObject({ id: 'lamp-repair', name: '路灯 & "报修"', isExecutable: true });
  });

  it('is a DMN decision with a FIRST table', async () => {
    const { rootElement, warnings } = await new DmnModdle().fromXML(newModelContent('dmn', 'lamp-routing', '路灯派遣'));
    expect(warnings).toEqual([]);
    const decision = (rootElement as unknown as { drgElement: { id: string; decisionLogic: { hitPolicy: string } }[] }).drgElement[0];
    expect(decision).toMatchObject({ id: 'lamp-routing', decisionLogic: { hitPolicy: 'FIRST' } });
  });

  it('is an empty Camunda form', () => {
    expect(JSON.parse(newModelContent('form', 'lamp-form', '路灯'))).toEqual({ id: 'lamp-form', type: 'default', components: [], schemaVersion: 16 });
  });

  it('accepts the file names processes/ uses, and nothing else', () => {
    expect(['case-routing', 'joint-patrol-schedule', 'a1'].every((name) => modelBaseName.test(name))).toBe(true);
    expect(['Case', '-a', 'a--b', 'a_b', '../x', 'a b', ''].some((name) => modelBaseName.test(name))).toBe(false);
  });
});
