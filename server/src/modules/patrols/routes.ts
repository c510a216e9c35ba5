import { Router } from 'express';
import { parseQuery } from '../../http/validate.js';
import { parseJsonBody } from './request.js';
import { requireRole, requireUser, userOf, userOfSession } from '../auth/index.js';
import { sharedGridLocator } from '../grids/index.js';
import type { RouteContext } from '../module.js';
import { patrolCalendar, teamCandidates } from './patrol-calendar.js';
import { patrolStreamHub } from './patrol-stream.js';
import { calendarQuerySchema, checkInSchema, findingSchema, finishRoundSchema, patrolPlanSchema, reviewSchema } from './patrols.schema.js';
import { createPlan, getPlan, listPlans } from './plans.service.js';
import { checkIn, finishRound, getRun, recordFinding, reviewRun } from './runs.service.js';

/**
 * POST /patrols, GET /patrols, the calendar, the team candidates and the live stream, GET /patrols/:ref,
 * GET /patrol-runs/:ref, and a run's check-ins, findings, finish and review. Only coordinators plan and review; the
 * team's members check in, record findings and finish their round.
 */
export function patrolRoutes({ dataSource, engine, config, logger }: RouteContext): Router {
  const router = Router();
  const stream = patrolStreamHub(dataSource, logger, config.TASK_STREAM_POLL_MS);
  const deps = { dataSource, engine, logger, workingHours: config.WORKING_HOURS, gridLocator: () => sharedGridLocator(dataSource.manager), changed: () => stream.nudge() };
  const coordinator = requireRole('coordinator');
  const ref = (req: { params: Record<string, unknown> }) => String(req.params.ref);

  router.post('/patrols', coordinator, async (req, res) => {
    res.status(201).json(await createPlan(deps, userOf(req), parseJsonBody(patrolPlanSchema, req)));
  });

  router.get('/patrols', requireUser, async (req, res) => {
    res.json(await listPlans(dataSource.manager, userOf(req)));
  });

  router.get('/patrols/calendar', requireUser, async (req, res) => {
    const { from, to } = parseQuery(calendarQuerySchema, req);
    res.json(await patrolCalendar(dataSource.manager, userOf(req), from, to));
  });

  router.get('/patrols/team-candidates', coordinator, async (_req, res) => {
    res.json(await teamCandidates(dataSource.manager));
  });

  router.get('/patrols/stream', requireUser, (req, res) => {
    const token = req.sessionToken!;
    stream.subscribe(userOf(req), res, async () => (await userOfSession(dataSource, token)) !== undefined);
  });

  router.get('/patrols/:ref', requireUser, async (req, res) => {
    res.json(await getPlan(dataSource.manager, userOf(req), ref(req)));
  });

  router.get('/patrol-runs/:ref', requireUser, async (req, res) => {
    res.json(await getRun(deps, userOf(req), ref(req)));
  });

  router.post('/patrol-runs/:ref/check-ins', requireUser, async (req, res) => {
    res.status(201).json(await checkIn(deps, userOf(req), ref(req), parseJsonBody(checkInSchema, req)));
  });

  router.post('/patrol-runs/:ref/findings', requireUser, async (req, res) => {
    res.status(201).json(await recordFinding(deps, userOf(req), ref(req), parseJsonBody(findingSchema, req)));
  });

  router.post('/patrol-runs/:ref/finish', requireUser, async (req, res) => {
    await finishRound(deps, userOf(req), ref(req), parseJsonBody(finishRoundSchema, req).note);
    res.status(204).end();
  });

  router.post('/patrol-runs/:ref/review', coordinator, async (req, res) => {
    res.json(await reviewRun(deps, userOf(req), ref(req), parseJsonBody(reviewSchema, req).comment));
  });
  return router;
}
