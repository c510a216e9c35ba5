import type { PatrolPlanDetail, PatrolPlanInput, PatrolRunDetail } from '../../server/src/contracts/patrols.js';
import type { Job } from '../../server/src/engine/index.js';
import { EngineNotFoundError } from '../../server/src/errors/index.js';
import { PatrolPlanEntity, patrolRunProcessKey } from '../../server/src/modules/patrols/index.js';
import type { RunningServer } from '../../server/src/server.js';
import { ApiClient } from '../support/api-client.js';
import { eventually } from '../support/test-env.js';

/**
 * Drives joint patrols over the HTTP API, each step by its person: the coordinator xietiao plans and reviews, the
 * team's liaisons check in, record findings and finish their rounds. The engine is read to find instances, and its
 * timers are fired by executing their jobs, as the job executor would when they fall due.
 */
export class PatrolFlow {
  private readonly sessions = new Map<string, Promise<ApiClient>>();

  constructor(readonly server: RunningServer) {}

  /** A signed-in API client of a demo user, reused. */
  as(username: string): Promise<ApiClient> {
    let session = this.sessions.get(username);
    if (!session) this.sessions.set(username, (session = ApiClient.signedIn(this.server.url, username)));
    return session;
  }

  /** The coordinator plans a patrol through POST /api/patrols. */
  async plan(input: PatrolPlanInput): Promise<PatrolPlanDetail> {
    return (await this.as('xietiao')).post<PatrolPlanDetail>('/api/patrols', input);
  }

  /** The joint-patrol-schedule instance of a plan. */
  async scheduleInstance(planRef: string): Promise<string> {
    const plan = await this.server.dataSource.manager.findOneByOrFail(PatrolPlanEntity, { ref: planRef });
    return plan.processInstanceId!;
  }

  /** The joint-patrol instance of a run, once the schedule has started it. */
  runInstance(runRef: string): Promise<string> {
    return eventually(async () => (await this.server.engine.processInstancesByBusinessKey(patrolRunProcessKey, runRef))[0]?.id, { what: `the joint-patrol instance of ${runRef}` });
  }

  /** Waits for the instance's one timer (a schedule or a run waits on one at a time) and executes its job. */
  async fireTimer(processInstanceId: string, what: string): Promise<Job> {
    const job = await eventually(async () => (await this.server.engine.timerJobs(processInstanceId))[0], { what });
    try {
      await this.server.engine.executeJob(job.id);
    } catch (error) {
      // The job executor may have run a timer already due; the step is done either way.
      if (!(error instanceof EngineNotFoundError)) throw error;
    }
    return job;
  }

  /** GET /api/patrol-runs/:ref as someone, once the check passes. */
  runWhen(runRef: string, check: (run: PatrolRunDetail) => boolean, what: string, as = 'xietiao'): Promise<PatrolRunDetail> {
    return eventually(async () => {
      const run = await (await this.as(as)).get<PatrolRunDetail>(`/api/patrol-runs/${runRef}`);
      return check(run) ? run : undefined;
    }, { what });
  }

  /** Fires the run's start timer and waits until the team has been notified (the run is in progress). */
  async start(runRef: string): Promise<string> {
    const instance = await this.runInstance(runRef);
    await this.fireTimer(instance, `the start timer of ${runRef}`);
    await this.runWhen(runRef, (r) => r.status === 'in-progress', `${runRef} in progress`);
    await eventually(async () => (await this.server.engine.tasks({ processInstanceId: instance, taskDefinitionKey: 'round' })).length > 0, { what: 'the round tasks' });
    return instance;
  }

  async ended(processInstanceId: string): Promise<void> {
    await eventually(async () => (await this.server.engine.historicProcessInstance(processInstanceId)).state === 'COMPLETED', { what: 'the process to end' });
  }
}
