import { describe, expect, it } from 'vitest';
import type { EntityManager } from 'typeorm';
import type { TaskSubject } from '../../contracts/tasks.js';
import type { Task } from '../../engine/index.js';
import { lianqinModules } from '../index.js';
import { defineModule, type TaskPresenter } from '../module.js';
import { collectPresenters, processKeyOf, subjectsOf } from './task-presenters.js';

/** A presenter that knows the instances given, and records what it was asked. */
function presenterOf(kind: string, known: readonly string[]) {
  const asked: string[][] = [];
  const presenter: TaskPresenter = {
    async subjects(_manager, ids) {
      asked.push([...ids]);
      return new Map(ids.filter((id) => known.includes(id)).map((id) => [id, { kind, ref: id, title: kind, place: null, streetCode: null, gridCode: null, urgent: false, link: null } satisfies TaskSubject]));
    },
  };
  return { presenter, asked };
}

const taskOf = (processDefinitionId: string, processInstanceId: string) => ({ id: `t-${processInstanceId}`, processDefinitionId, processInstanceId }) as Task;
const manager = {} as EntityManager;

describe('collectPresenters', () => {
  it("collects the case process's presenter from Lianqin's modules", () => {
    expect(Object.keys(collectPresenters(lianqinModules()))).toContain('case-closed-loop');
  });

  it('refuses two modules presenting the same process', () => {
    // given two modules that both present joint-patrol
    const { presenter } = presenterOf('patrol-run', []);
    const modules = [defineModule({ name: 'patrols', presenters: { 'joint-patrol': presenter } }), defineModule({ name: 'copy', presenters: { 'joint-patrol': presenter } })];

    // then collecting them names both
    expect(() => collectPresenters(modules)).toThrow('process joint-patrol has two presenters, in modules patrols and copy');
  });
});

describe('processKeyOf', () => {
  it.each([
    ['case-closed-loop:3:5f0c9a1e-0000-11f0-8000-000000000001', 'case-closed-loop'],
    ['joint-enforcement:12:abc', 'joint-enforcement'],
    ['5f0c9a1e-0000-11f0-8000-000000000001', null],
  ])('reads %s as %s', (id, key) => {
    expect(processKeyOf(id)).toBe(key);
  });
});

describe('subjectsOf', () => {
  it("asks each process's presenter once, about its own instances only", async () => {
    // given tasks of two processes, two of them in one instance, and a process with no presenter
    const cases = presenterOf('case', ['c1', 'c2']);
    const operations = presenterOf('joint-operation', ['o1']);
    const tasks = [taskOf('case-closed-loop:1:a', 'c1'), taskOf('case-closed-loop:1:a', 'c1'), taskOf('case-closed-loop:2:b', 'c2'), taskOf('joint-enforcement:1:c', 'o1'), taskOf('unknown:1:d', 'u1')];

    // when their subjects are gathered
    const subjects = await subjectsOf(manager, { 'case-closed-loop': cases.presenter, 'joint-enforcement': operations.presenter }, tasks);

    // then each presenter answered for its own, in one call
    expect(cases.asked).toEqual([['c1', 'c2']]);
    expect(operations.asked).toEqual([['o1']]);
    expect([...subjects].map(([id, s]) => [id, s.kind])).toEqual([['c1', 'case'], ['c2', 'case'], ['o1', 'joint-operation']]);
  });

  it('offers the instance of a bare definition id to every presenter, and takes the answer of the one that knows it', async () => {
    // given a task whose definition id does not carry its key
    const cases = presenterOf('case', []);
    const operations = presenterOf('joint-operation', ['o9']);

    // when its subject is gathered
    const subjects = await subjectsOf(manager, { 'case-closed-loop': cases.presenter, 'joint-enforcement': operations.presenter }, [taskOf('5f0c9a1e-0000', 'o9')]);

    // then the presenter that knows it answered
    expect(subjects.get('o9')?.kind).toBe('joint-operation');
    expect(cases.asked).toEqual([['o9']]);
  });
});
