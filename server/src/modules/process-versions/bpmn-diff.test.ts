import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffBpmn } from './bpmn-diff.js';
import { InvalidModelError } from './errors.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').replaceAll('__KEY__', 'pv-unit');

describe('diffBpmn', () => {
  it('names added, removed, changed and moved elements, with the changed topic, candidate groups and timer', async () => {
    // given v1 and v2 of one process: approve removed, confirm added, notify's topic and review's groups changed
    const v1 = fixture('versions-v1.bpmn');
    const v2 = fixture('versions-v2.bpmn');

    // when
    const changes = await diffBpmn(v1, v2);

    // then
    expect(changes.added).toContainEqual({ id: 'confirm', name: '网格员确认', type: 'UserTask' });
    expect(changes.removed).toContainEqual({ id: 'approve', name: '指挥中心批准', type: 'UserTask' });
    expect(changes.changed).toContainEqual({ id: 'notify', name: '通知市民', type: 'ServiceTask', properties: [{ property: 'topic', before: 'pv-unit-notify-sms', after: 'pv-unit-notify-app' }] });
    expect(changes.changed).toContainEqual({ id: 'review', name: '复核垃圾清运', type: 'UserTask', properties: [{ property: 'candidateGroups', before: 'sanitation', after: 'sanitation,urban-management' }] });
    const remind = changes.changed.find((element) => element.id === 'remind');
    expect(remind?.properties).toEqual(
      expect.arrayContaining([
        { property: 'name', before: '4 小时催办', after: '2 小时催办' },
        { property: 'timer', before: 'timeDuration: PT4H', after: 'timeDuration: PT2H' },
      ]),
    );
    expect(changes.moved.map((element) => element.id)).toContain('end');
    expect(changes.moved.map((element) => element.id)).not.toContain('notify');
  });

  it('finds no change between a model and itself', async () => {
    // given
    const v1 = fixture('versions-v1.bpmn');

    // when
    const changes = await diffBpmn(v1, v1);

    // then
    expect(changes).toEqual({ added: [], removed: [], changed: [], moved: [] });
  });

  it('refuses XML that is not BPMN with the parser message and the side that failed', async () => {
    // given a draft cut off mid-edit
    const broken = fixture('versions-v1.bpmn').slice(0, 400);

    // when
    const attempt = diffBpmn(fixture('versions-v1.bpmn'), broken, { left: 'v1', right: '草稿 x.bpmn 第 2 版' });

    // then
    await expect(attempt).rejects.toBeInstanceOf(InvalidModelError);
    await expect(attempt).rejects.toThrow(/草稿 x.bpmn 第 2 版 不是有效的 BPMN/);
  });
});
