import { defineModule } from '../module.js';
import { healthRoutes } from './routes.js';
export { healthRoutes } from './routes.js';
export { healthReport } from './health.service.js';

/** GET /health for operators and the status page. */
export const healthModule = defineModule({ name: 'health', routes: ({ engine, state }) => healthRoutes(engine, state) });
