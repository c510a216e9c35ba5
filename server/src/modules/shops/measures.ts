import type { MeasureKind } from '../../contracts/joint-operations.js';
import type { EngineClient } from '../../engine/index.js';

/** 执法措施, mildest first: 教育劝导, 责令改正, 警告, 罚款, 暂扣. */
export const measureKinds = ['advice', 'order-to-correct', 'warning', 'fine', 'seizure'] as const satisfies readonly MeasureKind[];
export type { MeasureKind };

/** Key of the DMN decision in processes/enforcement-measure.dmn that picks the measure (首违不罚). */
export const enforcementMeasureDecision = 'enforcement-measure';

/** The facts of a violation the enforcement-measure decision weighs. */
export interface MeasureQuestion {
  violationType: string;
  /** Whether the same agency recorded a violation by the same shop in the 12 months before (see hasPriorViolation). */
  priorViolationsSameAgency12m: boolean;
  severity: 'minor' | 'serious';
  correctedOnSpot: boolean;
}

/** The measure the rules give, and whether 首违不罚 applies with a written promise (告知承诺). */
export interface MeasureDecision {
  measure: MeasureKind;
  firstViolationNoPenalty: boolean;
  promiseRequired: boolean;
}

/** Evaluates the enforcement-measure DMN on the engine: the measure the rules give for this violation. */
export async function decideMeasure(engine: EngineClient, input: MeasureQuestion): Promise<MeasureDecision> {
  const rows = await engine.evaluateDecision(enforcementMeasureDecision, { ...input });
  const row = rows[0];
  const measure = row?.measure;
  // The table ends with catch-all rules; no answer or an unknown measure means the deployed table is broken.
  if (!row || !measureKinds.includes(measure as MeasureKind)) {
    throw new Error(`Decision ${enforcementMeasureDecision} gave no known measure for ${JSON.stringify(input)}: ${JSON.stringify(rows)}`);
  }
  return { measure: measure as MeasureKind, firstViolationNoPenalty: row.firstViolationNoPenalty === true, promiseRequired: row.promiseRequired === true };
}
