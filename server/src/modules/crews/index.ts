import { defineModule } from '../module.js';
import { SanitationCrewEntity } from './sanitation-crew.entity.js';
export { SanitationCrewEntity, type SanitationCrew, type CrewStatus } from './sanitation-crew.entity.js';
export { availableCrewsByDistance, nearestAvailableCrew, type CrewNearby } from './nearest-crew.js';
export { takeCrew } from './take-crew.js';
export { seedCrews } from './seed-crews.js';
export { demoCrews } from './demo-crews.js';

/** Sanitation crews and their availability. */
export const crewsModule = defineModule({ name: 'crews', entities: [SanitationCrewEntity] });
