import { Foundation1763800000000 } from './1763800000000-foundation.js';

/** Every migration, in order. Listed explicitly so that ESM, tsx and Vitest load them alike. */
export const migrations = [Foundation1763800000000];
