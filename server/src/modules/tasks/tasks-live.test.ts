import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskDiagram, TaskStreamMessage } from '../../contracts/tasks.js';
import { CaseFlow } from '../../../../test/e2e/case-flow.js';
import { ApiClient, type EventStream } from '../../../../test/support/api-client.js';
import { eventually } from '../../../../test/support/test-env.js';
import { startTestServer } from '../../../../test/support/test-server.js';
import type { RunningServer } from '../../server.js';

let server: RunningServer;
let flow: CaseFlow;
const closeStreams = new AbortController();

beforeAll(async () => {
  server = await startTestServer({ TASK_STREAM_POLL_MS: '500' });
  flow = new CaseFlow(server);
});

afterAll(async () => {
  closeStreams.abort();
  await server?.stop();
});

/** Every task id a stream has reported as changed so far. */
function changedIds(stream: EventStream): Set<string> {
  return new Set(stream.received.filter((e) => e.event === 'tasks').flatMap((e) => (JSON.parse(e.data) as TaskStreamMessage).changed));
}

describe('live inbox updates', () => {
  it('pushes a newly dispatched task to its department only, and again when it is claimed', async () => {
    // given open inboxes of sanitation and commerce
    const sanitation = await flow.as('huanwei');
    const commerce = await flow.as('shichang');
    const sanitationStream = await sanitation.events('/api/tasks/stream', closeStreams.signal);
    const commerceStream = await commerce.events('/api/tasks/stream', closeStreams.signal);
    expect(sanitationStream.response.status).toBe(200);
    expect(sanitationStream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);

    // when a garbage case is accepted and dispatched to sanitation
    const c = await flow.report({ categoryCode: 'E0102', description: '路口暴露垃圾' });
    await flow.accept(c.processInstanceId);
    const [handle] = await flow.tasks(c.processInstanceId, 'handle');

    // then sanitation's stream names the task, and commerce's never does
    await eventually(async () => changedIds(sanitationStream).has(handle!.id), { what: 'the handling task on the sanitation stream' });
    const seenBefore = sanitationStream.received.length;
    await sanitation.post(`/api/tasks/${handle!.id}/claim`);
    await eventually(async () => sanitationStream.received.length > seenBefore && changedIds(sanitationStream).has(handle!.id), { what: 'the claim on the stream' });
    expect(changedIds(commerceStream).has(handle!.id)).toBe(false);
  });

  it('ends the stream once its session is signed out', async () => {
    // given an open stream of a session of its own
    const session = await ApiClient.signedIn(server.url, 'huanwei2');
    const stream = await session.events('/api/tasks/stream', closeStreams.signal);

    // when the session signs out elsewhere, then the server ends the stream
    await session.post('/api/auth/logout');
    await stream.done;
    expect(stream.response.status).toBe(200);
  });

  it('answers 401 to a stream without a session', async () => {
    const response = await fetch(`${server.url}/api/tasks/stream`);
    expect(response.status).toBe(401);
  });
});

describe('the task diagram', () => {
  it('gives the BPMN with the current step active and the passed steps completed, to the department only', async () => {
    const c = await flow.report({ categoryCode: 'C0301', description: '垃圾桶满溢' });
    await flow.accept(c.processInstanceId);
    const [handle] = await flow.tasks(c.processInstanceId, 'handle');
    const sanitation = await flow.as('huanwei');

    const diagram = await sanitation.get<TaskDiagram>(`/api/tasks/${handle!.id}/diagram`);
    expect(diagram.xml).toContain('id="case-closed-loop"');
    expect(diagram.taskActivityId).toBe('handle');
    expect(diagram.activeActivityIds).toEqual(expect.arrayContaining(['handle', 'handling']));
    expect(diagram.completedActivityIds).toEqual(expect.arrayContaining(['filing-review', 'route-case']));
    expect(diagram.activeActivityIds.some((id) => id.includes('#'))).toBe(false);

    const commerce = await flow.as('shichang');
    expect((await commerce.raw('GET', `/api/tasks/${handle!.id}/diagram`)).status).toBe(404);
  });
});
