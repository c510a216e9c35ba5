import type { TopicHandler } from '../runtime/index.js';
import type { CommonDeps } from './common-deps.js';
import { computeDueHandler } from './compute-due.handler.js';
import { findDuplicatesHandler } from './find-duplicates.handler.js';
import { jointAnnounceBriefingHandler } from './joint-announce-briefing.handler.js';
import { jointGenerateReportHandler } from './joint-generate-report.handler.js';
import { jointRecordEventHandler } from './joint-record-event.handler.js';
import { jointSeriesNextHandler } from './joint-series-next.handler.js';
import { jointSeriesStartHandler } from './joint-series-start.handler.js';
import { locateGridHandler } from './locate-grid.handler.js';
import { patrolCloseRunHandler } from './patrol-close-run.handler.js';
import { patrolCompileReportHandler } from './patrol-compile-report.handler.js';
import { patrolFlagUnvisitedHandler } from './patrol-flag-unvisited.handler.js';
import { patrolNextRunHandler } from './patrol-next-run.handler.js';
import { patrolNotifyTeamHandler } from './patrol-notify-team.handler.js';
import { planDispatchHandler } from './plan-dispatch.handler.js';
import { recordEventHandler } from './record-event.handler.js';

export type { CommonDeps } from './common-deps.js';

/** Steps shared by every case, not owned by one department, and the coordination unit's steps of joint patrols. */
export function createCommonHandlers(deps: CommonDeps): TopicHandler[] {
  return [
    locateGridHandler(deps),
    findDuplicatesHandler(deps),
    planDispatchHandler,
    computeDueHandler(deps),
    recordEventHandler,
    // joint-patrol and joint-patrol-schedule (联合巡查), steered by the coordination unit
    patrolNextRunHandler(deps),
    patrolNotifyTeamHandler(deps),
    patrolFlagUnvisitedHandler(deps),
    patrolCompileReportHandler(deps),
    patrolCloseRunHandler(deps),
    // joint-enforcement and joint-enforcement-series (联合执法)
    ...jointEnforcementHandlers(deps),
  ];
}

/** The coordination steps of joint-enforcement and joint-enforcement-series (联合执法). */
function jointEnforcementHandlers(deps: CommonDeps): TopicHandler[] {
  return [jointRecordEventHandler, jointAnnounceBriefingHandler, jointGenerateReportHandler(deps), jointSeriesNextHandler, jointSeriesStartHandler(deps)];
}
