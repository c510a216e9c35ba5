import { Foundation1763800000000 } from './1763800000000-foundation.js';
import { HolidayOverride1763900000000 } from './1763900000000-holiday-override.js';
import { GridsShopsCrews1763950000000 } from './1763950000000-grids-shops-crews.js';
import { CaseRecords1764000000000 } from './1764000000000-case-records.js';
import { SessionsPhotosComments1764100000000 } from './1764100000000-sessions-photos-comments.js';
import { AuditLookups1764200000000 } from './1764200000000-audit-lookups.js';
import { AuditIntents1764300000000 } from './1764300000000-audit-intents.js';
import { OutboxClaims1764400000000 } from './1764400000000-outbox-claims.js';
import { ShopFiles1764500000000 } from './1764500000000-shop-files.js';
import { JointOperations1764600000000 } from './1764600000000-joint-operations.js';
import { Patrols1764700000000 } from './1764700000000-patrols.js';
import { Designer1764900000000 } from './1764900000000-designer.js';
import { PatrolRunUpdatedAt1765000000000 } from './1765000000000-patrol-run-updated-at.js';

/** Every migration, in order. Listed explicitly so that ESM, tsx and Vitest load them alike. */
export const migrations = [Foundation1763800000000, HolidayOverride1763900000000, GridsShopsCrews1763950000000, CaseRecords1764000000000, SessionsPhotosComments1764100000000, AuditLookups1764200000000, AuditIntents1764300000000, OutboxClaims1764400000000, ShopFiles1764500000000, JointOperations1764600000000, Patrols1764700000000, Designer1764900000000, PatrolRunUpdatedAt1765000000000];
