export { healthRoutes } from './routes.js';
export { healthReport } from './health.service.js';
