export { referenceRoutes } from './routes.js';
export { referenceData, clientSettings, districtGeoJson } from './reference.service.js';
