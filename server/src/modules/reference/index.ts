import { defineModule } from '../module.js';
import { referenceRoutes } from './routes.js';
export { referenceRoutes } from './routes.js';
export { referenceData, clientSettings, districtGeoJson } from './reference.service.js';

/** Reference data every screen needs: categories, departments, streets, map settings, grids. */
export const referenceModule = defineModule({ name: 'reference', routes: ({ config, dataSource }) => referenceRoutes({ config, dataSource }) });
