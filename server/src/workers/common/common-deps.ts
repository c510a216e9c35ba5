import type { EngineClient } from '../../engine/index.js';
import type { GridLocator } from '../../modules/grids/index.js';

/** What the shared case steps need besides the database: settings and the grid index. */
export interface CommonDeps {
  /** WORKING_HOURS, e.g. "08:30-12:00,13:30-17:30". */
  workingHours: string;
  /** Radius of the duplicate check in metres. */
  duplicateRadiusM: number;
  /** How many days back the duplicate check looks. */
  duplicateWindowDays: number;
  /** The grid index, loaded once and shared. */
  gridLocator(): Promise<GridLocator>;
  /**
   * The current instant; tests pass a fixed or moving clock.
   * @default () => new Date()
   */
  clock?: () => Date;
  /** The engine's REST client, for steps that start a process themselves (an occurrence of a recurring operation). */
  engine?: EngineClient;
}
