import { readFileSync } from 'node:fs';
import type { EngineClient } from '../../engine/index.js';
import { engineAuthorization, eventually, uniqueKey } from '../../../../test/support/test-env.js';
import { inject } from 'vitest';

/** A fixture of this module with its key placeholder replaced. */
export function versionFixture(name: string, key: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').replaceAll('__KEY__', key);
}

/** A process key unique to one test, so tests sharing the engine never see each other's versions. */
export function versionKey(prefix = 'pv'): string {
  return uniqueKey(prefix);
}

/**
 * Deploys a fixture as the designer (name designer:<username>, source lianqin-designer) or as the start-up deployment
 * of processes/ would (source lianqin), and returns the id of the definition it created.
 */
export async function deployFixture(engine: EngineClient, input: { key: string; file: string; by: 'file' | { designer: string } }): Promise<string> {
  const content = versionFixture(input.file, input.key);
  const resource = input.file.endsWith('.dmn') ? `${input.key}.dmn` : `${input.key}.bpmn`;
  const [name, source] = input.by === 'file' ? [`${input.key}-files`, 'lianqin'] : [`designer:${input.by.designer}`, 'lianqin-designer'];
  const result = await engine.deploy(name, [{ name: resource, content }], source);
  const definitions = { ...(result.deployedProcessDefinitions ?? {}), ...(result.deployedDecisionDefinitions ?? {}) };
  const created = Object.values(definitions).find((definition) => definition.key === input.key);
  if (!created) throw new Error(`deploying ${input.file} as ${input.key} created no definition`);
  return created.id;
}

/** Starts an instance of one definition (not necessarily the latest) and returns its id. */
export async function startInstance(definitionId: string, businessKey: string): Promise<string> {
  const response = await engineRequest('POST', `/process-definition/${encodeURIComponent(definitionId)}/start`, { businessKey });
  return ((await response.json()) as { id: string }).id;
}

/** Completes the open user task of an instance at an activity. */
export async function completeTaskAt(engine: EngineClient, processInstanceId: string, taskDefinitionKey: string): Promise<void> {
  const [task] = await engine.tasks({ processInstanceId, taskDefinitionKey });
  if (!task) throw new Error(`no open task ${taskDefinitionKey} in ${processInstanceId}`);
  await engine.completeTask(task.id);
}

/** Fetches the instance's external task of a topic as a test worker and fails it with no retries left: an incident. */
export async function failExternalTask(topic: string, processInstanceId: string, errorMessage: string): Promise<string> {
  const workerId = uniqueKey('pv-test-worker');
  const task = await eventually(async () => {
    const response = await engineRequest('POST', '/external-task/fetchAndLock', { workerId, maxTasks: 10, topics: [{ topicName: topic, lockDuration: 60_000, processInstanceId }] });
    const locked = (await response.json()) as Array<{ id: string }>;
    return locked[0];
  }, { what: `external task of ${topic}` });
  await engineRequest('POST', `/external-task/${task.id}/failure`, { workerId, errorMessage, retries: 0, retryTimeout: 0 });
  return task.id;
}

/** Fetches the instance's external task of a topic as a test worker and completes it after holding it for holdMs. */
export async function completeExternalTask(topic: string, processInstanceId: string, holdMs = 0): Promise<void> {
  const workerId = uniqueKey('pv-test-worker');
  const task = await eventually(async () => {
    const response = await engineRequest('POST', '/external-task/fetchAndLock', { workerId, maxTasks: 10, topics: [{ topicName: topic, lockDuration: 60_000, processInstanceId }] });
    return ((await response.json()) as Array<{ id: string }>)[0];
  }, { what: `external task of ${topic}` });
  await new Promise((resolve) => setTimeout(resolve, holdMs));
  await engineRequest('POST', `/external-task/${task.id}/complete`, { workerId });
}

async function engineRequest(method: string, path: string, body: unknown): Promise<Response> {
  const response = await fetch(inject('engineUrl') + path, { method, headers: { authorization: engineAuthorization(), 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  return response;
}
