import { Router, type RequestHandler } from 'express';
import { parseBody, parseQuery } from '../../http/validate.js';
import { requireUser, userOf, userOfSession } from '../auth/index.js';
import { completeTaskBody, extensionBody, returnTaskBody, suspendBody, taskListQuery } from './tasks.schema.js';
import { getTaskDiagram } from './task-diagram.js';
import type { TaskStreamHub } from './task-stream.js';
import { actOnHandling, claimTask, completeTask, getTask, inboxOf, listTasks, unclaimTask, type TaskDeps } from './tasks.service.js';

/** The task inbox: list, live stream, detail, diagram, claim, unclaim, complete, and the handling actions. */
export function taskRoutes(deps: TaskDeps & { stream: TaskStreamHub }): Router {
  const router = Router();
  // Every change made here is pushed to the other open inboxes at once, not at the next poll.
  const nudgeInboxes: RequestHandler = (_req, res, next) => {
    res.on('finish', () => res.statusCode < 300 && deps.stream.nudge());
    next();
  };
  // Guards sit on each route, not on router.use('/tasks'), so that an unknown path under /tasks is a 404 for everyone.
  const changes = [requireUser, nudgeInboxes];
  router.get('/tasks', requireUser, async (req, res) => {
    res.json(await listTasks(deps, userOf(req), parseQuery(taskListQuery, req)));
  });
  router.get('/tasks/stream', requireUser, (req, res) => {
    const token = req.sessionToken!;
    const user = userOf(req);
    deps.stream.subscribe(user, inboxOf(deps, user), res, async () => (await userOfSession(deps.dataSource, token)) !== undefined);
  });
  router.get('/tasks/:taskId', requireUser, async (req, res) => {
    res.json(await getTask(deps, userOf(req), String(req.params.taskId)));
  });
  router.get('/tasks/:taskId/diagram', requireUser, async (req, res) => {
    res.json(await getTaskDiagram(deps, userOf(req), String(req.params.taskId)));
  });
  router.post('/tasks/:taskId/claim', ...changes, async (req, res) => {
    await claimTask(deps, userOf(req), String(req.params.taskId));
    res.status(204).end();
  });
  router.post('/tasks/:taskId/unclaim', ...changes, async (req, res) => {
    await unclaimTask(deps, userOf(req), String(req.params.taskId));
    res.status(204).end();
  });
  router.post('/tasks/:taskId/complete', ...changes, async (req, res) => {
    await completeTask(deps, userOf(req), String(req.params.taskId), parseBody(completeTaskBody, req).values);
    res.status(204).end();
  });
  router.post('/tasks/:taskId/return', ...changes, async (req, res) => {
    await actOnHandling(deps, userOf(req), String(req.params.taskId), { kind: 'return', ...parseBody(returnTaskBody, req) });
    res.status(204).end();
  });
  router.post('/tasks/:taskId/extension', ...changes, async (req, res) => {
    await actOnHandling(deps, userOf(req), String(req.params.taskId), { kind: 'extend', ...parseBody(extensionBody, req) });
    res.status(204).end();
  });
  router.post('/tasks/:taskId/suspend', ...changes, async (req, res) => {
    await actOnHandling(deps, userOf(req), String(req.params.taskId), { kind: 'suspend', ...parseBody(suspendBody, req) });
    res.status(204).end();
  });
  return router;
}
