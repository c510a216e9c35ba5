import contextPadSource from 'bpmn-js/lib/features/context-pad/ContextPadProvider.js?raw';
import paletteSource from 'bpmn-js/lib/features/palette/PaletteProvider.js?raw';
import popupEntriesSource from 'bpmn-js/lib/features/popup-menu/PopupEntries.js?raw';
import replaceMenuSource from 'bpmn-js/lib/features/popup-menu/ReplaceMenuProvider.js?raw';
import { describe, expect, it } from 'vitest';
import { translateLabel, translateModule } from './index';

/** The labels a bpmn.io source file passes to translate('…') (or lists as `label: '…'`). */
function labelsIn(source: string, pattern = /translate\(\s*'([^']+)'/g): string[] {
  return [...source.matchAll(pattern)].map((match) => match[1]!);
}

describe('the modeler translate module', () => {
  it('speaks Chinese by default and fills placeholders', () => {
    expect(translateLabel('zh-CN', 'Append task')).toBe('追加任务');
    expect(translateLabel('zh-CN', 'Open {element}', { element: '子流程' })).toBe('打开 子流程');
    expect(translateLabel('zh-CN', 'Candidate groups')).toBe('候选组');
  });

  it('keeps the libraries\' English, and labels it does not know, as they are', () => {
    expect(translateLabel('en', 'Append task')).toBe('Append task');
    expect(translateLabel('en', 'Open {element}', { element: 'Sub' })).toBe('Open Sub');
    expect(translateLabel('zh-CN', 'A label from a newer bpmn-js')).toBe('A label from a newer bpmn-js');
  });

  it('is a diagram-js module providing translate as a value', () => {
    const [kind, translate] = translateModule('zh-CN').translate;
    expect(kind).toBe('value');
    expect(translate('Delete')).toBe('删除');
  });

  it.each([
    ['palette', paletteSource],
    ['context pad', contextPadSource],
    ['change-type menu', replaceMenuSource],
  ])('has Chinese for every label of the %s', (_name, source) => {
    const labels = labelsIn(source);
    expect(labels.length).toBeGreaterThan(5);
    expect(labels.filter((label) => translateLabel('zh-CN', label) === label)).toEqual([]);
  });

  it('has Chinese for every element type of the change-type menu', () => {
    const labels = labelsIn(popupEntriesSource, /label: '([^']+)'/g);
    expect(labels.length).toBeGreaterThan(50);
    expect(labels.filter((label) => translateLabel('zh-CN', label) === label)).toEqual([]);
  });

  it('has Chinese for the labels of the Camunda 7 properties a designer sets', () => {
    const camunda7 = ['General', 'Implementation', 'Topic', 'Candidate groups', 'Form key', 'Timer', 'Inputs', 'Outputs', 'Multi-instance', 'Loop cardinality', 'Collection', 'Element variable', 'Completion condition', 'Condition expression', 'Asynchronous continuations', 'Retry time cycle', 'Execution listeners', 'History cleanup', 'Time to live'];
    expect(camunda7.filter((label) => translateLabel('zh-CN', label) === label)).toEqual([]);
  });
});
