import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createWorkerGroups } from './registry.js';
import { Topics } from './topics.js';

const processesDir = fileURLToPath(new URL('../../../processes/', import.meta.url));

/** Every camunda:topic of every BPMN file in processes/. */
async function topicsInProcesses(): Promise<string[]> {
  const files = (await readdir(processesDir)).filter((f) => f.endsWith('.bpmn'));
  const topics = new Set<string>();
  for (const file of files) {
    const xml = await readFile(processesDir + file, 'utf8');
    for (const match of xml.matchAll(/camunda:topic="([^"]+)"/g)) topics.add(match[1]!);
  }
  return [...topics].sort();
}

const neverCalled = () => Promise.reject(new Error('not used'));
const workerGroups = createWorkerGroups({ workingHours: '08:30-12:00', duplicateRadiusM: 50, duplicateWindowDays: 7, gridLocator: neverCalled });
const handledTopics = Object.values(workerGroups).flatMap((handlers) => handlers.map((h) => h.topic));

describe('topics of processes/', () => {
  it('has a handler for every external-task topic in the BPMN files', async () => {
    const missing = (await topicsInProcesses()).filter((t) => !handledTopics.includes(t));
    expect(missing, `topics without a handler: ${missing.join(', ')}`).toEqual([]);
  });

  it('declares every topic used in processes/ as a constant', async () => {
    const constants: string[] = Object.values(Topics);
    expect((await topicsInProcesses()).filter((t) => !constants.includes(t))).toEqual([]);
  });

  it('subscribes each topic in one worker group only', () => {
    const duplicates = handledTopics.filter((t, i) => handledTopics.indexOf(t) !== i);
    expect(duplicates).toEqual([]);
  });
});
