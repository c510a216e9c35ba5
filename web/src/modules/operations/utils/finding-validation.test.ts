import { describe, expect, it } from 'vitest';
import type { FindingInput } from '@contracts/joint-operations';
import { validateFinding } from './finding-validation';

const finding: FindingInput = {
  description: '水果店占道摆放货架约3米',
  lng: 121.4801,
  lat: 31.2302,
  shopId: 12,
  violationType: 'outside-store',
  severity: 'minor',
  correctedOnSpot: true,
  fineYuan: null,
  seizedItems: null,
  fileCase: null,
};

describe('validateFinding', () => {
  it('accepts a finding against a shop with its violation type', () => {
    expect(validateFinding(finding)).toEqual([]);
  });

  it('asks for a description, a location, the violation type of a shop, a positive fine and the category of a case', () => {
    const issues = validateFinding({ ...finding, description: ' ', lng: Number.NaN, violationType: null, fineYuan: 0, fileCase: { categoryCode: '' } });
    expect(issues.map((issue) => `${issue.path}:${issue.key}`)).toEqual([
      'description:required',
      'lng:locationRequired',
      'violationType:violationTypeRequired',
      'fineYuan:finePositive',
      'fileCase.categoryCode:required',
    ]);
  });

  it('refuses a one-character description and a fine over a million yuan', () => {
    expect(validateFinding({ ...finding, description: '摊', fineYuan: 2_000_000 }).map((issue) => issue.key)).toEqual(['tooShort', 'fineTooLarge']);
  });

  it('needs no violation type when no shop is involved', () => {
    expect(validateFinding({ ...finding, shopId: null, violationType: null })).toEqual([]);
  });
});
