import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { engineAuthorization } from '../../../../test/support/test-env.js';

/** Unit of a time limit: working hours, working days, or calendar hours (urgent). */
export type LimitUnit = 'wh' | 'wd' | 'h';

/** What the decision `case-routing` answers for one case, with the engine's typed values unwrapped. */
export interface Routing {
  departments: string;
  limitAmount: number;
  limitUnit: LimitUnit;
  urgency: 'urgent' | 'normal';
  firstActionAmount: number | null;
  firstActionUnit: LimitUnit | null;
}

/** One row of the sample category table of DOMAIN.md, plus the calendar-hour limit when flagged urgent. */
export interface SampleCategory {
  code: string;
  name: string;
  departments: string;
  limit: [number, LimitUnit];
  urgentLimit: [number, LimitUnit];
}

/**
 * The sample categories of DOMAIN.md with their default departments and handling limits.
 * `urgentLimit` is half the working limit in calendar hours (1 wd = 8 wh), rounded up, at least 1 h;
 * E0401/E0402 are urgent anyway, and E0101 keeps its 20 wd removal (only the stop-work first action shortens).
 */
export const sampleCategories: SampleCategory[] = [
  { code: 'E0101', name: '私搭乱建', departments: 'urban-management', limit: [20, 'wd'], urgentLimit: [20, 'wd'] },
  { code: 'E0102', name: '暴露垃圾', departments: 'sanitation', limit: [4, 'wh'], urgentLimit: [2, 'h'] },
  { code: 'E0103', name: '道路不洁', departments: 'sanitation', limit: [2, 'wh'], urgentLimit: [1, 'h'] },
  { code: 'E0104', name: '积存垃圾渣土', departments: 'sanitation,urban-management', limit: [1, 'wd'], urgentLimit: [4, 'h'] },
  { code: 'E0201', name: '非法小广告', departments: 'urban-management', limit: [1, 'wd'], urgentLimit: [4, 'h'] },
  { code: 'E0202', name: '违规户外广告牌匾', departments: 'urban-management,commerce', limit: [5, 'wd'], urgentLimit: [20, 'h'] },
  { code: 'E0301', name: '施工扰民', departments: 'urban-management', limit: [4, 'wh'], urgentLimit: [2, 'h'] },
  { code: 'E0302', name: '工地扬尘', departments: 'urban-management', limit: [4, 'wh'], urgentLimit: [2, 'h'] },
  { code: 'E0303', name: '道路遗撒', departments: 'sanitation,public-security', limit: [2, 'wh'], urgentLimit: [1, 'h'] },
  { code: 'E0401', name: '路面塌陷', departments: 'public-security,urban-management', limit: [1, 'h'], urgentLimit: [1, 'h'] },
  { code: 'E0402', name: '道路积水', departments: 'sanitation,public-security', limit: [2, 'h'], urgentLimit: [2, 'h'] },
  { code: 'E0501', name: '占道经营', departments: 'urban-management,commerce', limit: [4, 'wh'], urgentLimit: [2, 'h'] },
  { code: 'E0502', name: '无照经营游商', departments: 'commerce,urban-management', limit: [1, 'wd'], urgentLimit: [4, 'h'] },
  { code: 'E0503', name: '店外经营', departments: 'urban-management', limit: [4, 'wh'], urgentLimit: [2, 'h'] },
  { code: 'E0504', name: '机动车乱停放', departments: 'public-security', limit: [2, 'wh'], urgentLimit: [1, 'h'] },
  { code: 'E0505', name: '黑车拉客', departments: 'public-security', limit: [1, 'wd'], urgentLimit: [4, 'h'] },
  { code: 'E0506', name: '露天烧烤', departments: 'urban-management', limit: [4, 'wh'], urgentLimit: [2, 'h'] },
  { code: 'C0101', name: '井盖破损', departments: 'urban-management', limit: [4, 'wh'], urgentLimit: [2, 'h'] },
  { code: 'C0301', name: '垃圾桶满溢/破损', departments: 'sanitation', limit: [4, 'wh'], urgentLimit: [2, 'h'] },
];

/** Categories that are urgent whatever the reporter says. */
export const alwaysUrgent = ['E0401', 'E0402'];

/** Input of one evaluation; `undefined` leaves the variable out, `null` sends it as a Null value. */
export interface RoutingInput {
  categoryCode: string | null;
  gridType?: string | null;
  urgent?: boolean | null;
}

const dmnFile = fileURLToPath(new URL('../../../../processes/case-routing.dmn', import.meta.url));

/** POSTs to the suite's engine and returns the JSON answer, failing loudly on any non-2xx status. */
async function post<T>(path: string, body: FormData | object): Promise<T> {
  const isForm = body instanceof FormData;
  const response = await fetch(`${inject('engineUrl')}${path}`, {
    method: 'POST',
    headers: isForm ? { authorization: engineAuthorization() } : { authorization: engineAuthorization(), 'content-type': 'application/json' },
    body: isForm ? body : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Deploys processes/case-routing.dmn under the given deployment name, as the deployment module does. */
export async function deployCaseRouting(deploymentName: string): Promise<void> {
  const form = new FormData();
  form.set('deployment-name', deploymentName);
  form.set('enable-duplicate-filtering', 'true');
  form.set('deploy-changed-only', 'true');
  form.append('case-routing.dmn', new Blob([await readFile(dmnFile)]), 'case-routing.dmn');
  await post('/deployment/create', form);
}

/** Evaluates the latest `case-routing` and returns every result row with plain values. */
export async function evaluateRouting(input: RoutingInput): Promise<Routing[]> {
  const variables: Record<string, { value: unknown; type: string }> = {};
  variables.categoryCode = input.categoryCode === null ? { value: null, type: 'Null' } : { value: input.categoryCode, type: 'String' };
  if (input.gridType !== undefined) variables.gridType = input.gridType === null ? { value: null, type: 'Null' } : { value: input.gridType, type: 'String' };
  if (input.urgent !== undefined) variables.urgent = input.urgent === null ? { value: null, type: 'Null' } : { value: input.urgent, type: 'Boolean' };
  const rows = await post<Array<Record<string, { value: unknown }>>>('/decision-definition/key/case-routing/evaluate', { variables });
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([name, typed]) => [name, typed.value])) as unknown as Routing);
}
