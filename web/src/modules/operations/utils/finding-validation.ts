import type { FindingInput } from '@contracts/joint-operations';
import type { PlanIssue } from './plan-validation';

/** Limits the server applies to a finding (findingSchema in the joint-operations module). */
export const findingLimits = { descriptionMin: 2, descriptionMax: 1000, seizedMax: 500, fineMax: 1_000_000 } as const;

/** The problems the server would refuse a finding for, shown at their fields before sending. */
export function validateFinding(finding: FindingInput): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const description = finding.description.trim().length;
  if (description === 0) issues.push({ path: 'description', key: 'required' });
  else if (description < findingLimits.descriptionMin) issues.push({ path: 'description', key: 'tooShort', params: { min: findingLimits.descriptionMin } });
  else if (description > findingLimits.descriptionMax) issues.push({ path: 'description', key: 'tooLong', params: { max: findingLimits.descriptionMax } });
  if (!Number.isFinite(finding.lng) || !Number.isFinite(finding.lat)) issues.push({ path: 'lng', key: 'locationRequired' });
  if (finding.shopId !== null && !finding.violationType) issues.push({ path: 'violationType', key: 'violationTypeRequired' });
  if (finding.fineYuan !== null && !(finding.fineYuan > 0)) issues.push({ path: 'fineYuan', key: 'finePositive' });
  else if (finding.fineYuan !== null && finding.fineYuan > findingLimits.fineMax) issues.push({ path: 'fineYuan', key: 'fineTooLarge' });
  if (finding.seizedItems !== null && finding.seizedItems.trim().length > findingLimits.seizedMax) issues.push({ path: 'seizedItems', key: 'tooLong', params: { max: findingLimits.seizedMax } });
  if (finding.fileCase && !finding.fileCase.categoryCode) issues.push({ path: 'fileCase.categoryCode', key: 'required' });
  return issues;
}
