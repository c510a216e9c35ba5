import { z } from 'zod';
import type { OperationListQuery, OperationPlanInput } from '../../contracts/joint-operations.js';
import { beijingDay } from '../calendar/index.js';
import { categoryOf } from '../categories/index.js';
import { departmentCodes } from '../departments/index.js';
import { beijingLocal, beijingWeekday, parseBeijingTime } from './schedule.js';

const statuses = ['pending-approval', 'returned', 'confirming', 'briefing', 'executing', 'wrap-up', 'follow-up', 'finished', 'cancelled'] as const;
const departmentsText = departmentCodes.join('、');

/** "请填写…" when the field is missing, the type message otherwise. */
const required = (missing: string, wrongType: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? missing : wrongType) });

/** A Beijing wall-clock time (2026-12-04T08:30) or an ISO instant with its offset, normalised to the wall-clock form. */
const time = (label: string) =>
  z
    .string(required(`请填写${label}`, `${label}须为时间文字`))
    .refine((t) => parseBeijingTime(t) !== undefined, `${label}须为北京时间，如 2026-12-04T08:30`)
    .transform((t) => beijingLocal(parseBeijingTime(t)!));

const department = z.enum(departmentCodes, { error: `部门须为 ${departmentsText} 之一` });

const recurrence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('once') }).strict(),
  z
    .object({
      kind: z.literal('weekly'),
      weekdays: z
        .array(z.number().int().min(1, '周几须为 1（周一）到 7（周日）').max(7, '周几须为 1（周一）到 7（周日）'), { error: '请选择每周哪几天' })
        .min(1, '请至少选择一天')
        .refine((days) => new Set(days).size === days.length, '周几不能重复'),
      until: z.string({ error: '请填写截止日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期须为 YYYY-MM-DD'),
    })
    .strict(),
], { error: '重复方式须为 once（单次）或 weekly（每周）' });

/** POST /operations and PUT /operations/:ref: a plan, with its times normalised to Beijing wall-clock text. */
export const operationPlanSchema = z
  .object({
    title: z.string(required('请填写行动名称', '行动名称须为文字')).trim().min(2, '行动名称至少 2 个字').max(128, '行动名称最多 128 字'),
    target: z.string(required('请填写整治目标', '整治目标须为文字')).trim().min(1, '请填写整治目标').max(128, '整治目标最多 128 字'),
    targetCategoryCode: z
      .string({ error: '案件类别须为文字编码' })
      .refine((c) => categoryOf(c) !== undefined, '未知的案件类别')
      .nullable()
      .default(null),
    gridCodes: z
      .array(z.string({ error: '网格编码须为文字' }).trim().min(1).max(32, '网格编码最多 32 位'), { error: '请在地图上选择行动区域的网格' })
      .min(1, '请至少选择一个网格')
      .max(200, '一次行动最多 200 个网格')
      .refine((codes) => new Set(codes).size === codes.length, '网格不能重复'),
    schedule: z
      .object({ startsAt: time('开始时间'), endsAt: time('结束时间'), recurrence }, { error: '请填写行动时间' })
      .strict(),
    leadDepartment: department,
    participants: z
      .array(
        z.object({ departmentCode: department, tasks: z.string({ error: '请填写部门任务' }).trim().min(1, '请填写部门任务').max(500, '部门任务最多 500 字') }).strict(),
        { error: '请选择参与部门' },
      )
      .min(1, '请至少选择一个参与部门')
      .max(departmentCodes.length)
      .refine((ps) => new Set(ps.map((p) => p.departmentCode)).size === ps.length, '参与部门不能重复'),
    confirmBy: time('确认截止时间'),
    briefing: z.object({ at: time('简报时间'), place: z.string({ error: '请填写简报地点' }).trim().min(1, '请填写简报地点').max(255, '简报地点最多 255 字') }, { error: '请填写简报时间和地点' }).strict(),
    majorEvent: z.boolean({ error: '重大活动保障须为 true 或 false' }).default(false),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const at = (t: string) => parseBeijingTime(t)!.getTime();
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const start = at(plan.schedule.startsAt);
    const end = at(plan.schedule.endsAt);
    if (end <= start) issue(['schedule', 'endsAt'], '结束时间须晚于开始时间');
    if (end - start > 7 * 24 * 3_600_000) issue(['schedule', 'endsAt'], '一次行动最长 7 天');
    if (at(plan.confirmBy) > start) issue(['confirmBy'], '确认截止时间不能晚于开始时间');
    if (at(plan.briefing.at) > start) issue(['briefing', 'at'], '简报时间不能晚于开始时间');
    if (!plan.participants.some((p) => p.departmentCode === plan.leadDepartment)) issue(['leadDepartment'], '牵头部门须是参与部门之一');
    const { recurrence: r } = plan.schedule;
    if (r.kind === 'weekly') {
      const first = new Date(start);
      if (!r.weekdays.includes(beijingWeekday(first))) issue(['schedule', 'recurrence', 'weekdays'], '开始时间须是所选的某个星期几（第一次行动）');
      if (r.until < beijingDay(first)) issue(['schedule', 'recurrence', 'until'], '截止日期不能早于第一次行动');
      if (r.until > beijingDay(new Date(start + 366 * 24 * 3_600_000))) issue(['schedule', 'recurrence', 'until'], '周期行动最长一年');
    }
  }) satisfies z.ZodType<OperationPlanInput, unknown>;

/** The plan as the schema gives it. */
export type OperationPlan = z.output<typeof operationPlanSchema>;

/** PUT /operations/:ref: a revised plan; a returned operation runs once, so it cannot become weekly. */
export const revisedPlanSchema = operationPlanSchema.refine((plan) => plan.schedule.recurrence.kind === 'once', { path: ['schedule', 'recurrence'], message: '退回修改的行动不能改为周期行动' });

/** POST /operations/:ref/findings. */
export const findingSchema = z
  .object({
    description: z.string(required('请填写发现的问题', '问题描述须为文字')).trim().min(2, '描述至少 2 个字').max(1000, '描述最多 1000 字'),
    lng: z.number(required('请填写经度', '经度须为数字')).min(-180).max(180),
    lat: z.number(required('请填写纬度', '纬度须为数字')).min(-90).max(90),
    shopId: z.number({ error: '商户编号须为整数' }).int('商户编号须为整数').positive('商户编号须为正整数').nullable().default(null),
    violationType: z.string({ error: '违法类型须为文字' }).trim().min(1).max(32, '违法类型最多 32 位').nullable().default(null),
    severity: z.enum(['minor', 'serious'], { error: '情节须为 minor（轻微）或 serious（严重）' }),
    correctedOnSpot: z.boolean({ error: '是否当场改正须为 true 或 false' }),
    fineYuan: z.number({ error: '罚款金额须为数字' }).positive('罚款金额须大于零').max(1_000_000, '罚款金额过大').nullable().default(null),
    seizedItems: z.string({ error: '暂扣物品须为文字' }).trim().min(1).max(500, '暂扣清单最多 500 字').nullable().default(null),
    fileCase: z
      .object({ categoryCode: z.string({ error: '请选择案件类别' }).refine((c) => categoryOf(c) !== undefined, '未知的案件类别') }, { error: 'fileCase 须为 { categoryCode }' })
      .strict()
      .nullable()
      .default(null),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.shopId !== null && f.violationType === null) ctx.addIssue({ code: 'custom', path: ['violationType'], message: '涉及商户时请选择违法类型' });
  });

export type FindingBody = z.output<typeof findingSchema>;

/** GET /operations: the keyword and filters of the list and the calendar. */
export const listOperationsQuery = z
  .object({
    q: z.string({ error: '搜索词须为文字' }).trim().max(64, '搜索词最多 64 字').optional(),
    status: z.enum(statuses, { error: `状态须为 ${statuses.join('、')} 之一` }).optional(),
    department: department.optional(),
    seriesRef: z.string().regex(/^JS-\d{4}-\d{4,}$/, '系列编号格式不正确').optional(),
    from: z.string().refine(dateOrTime, '起始须为日期 YYYY-MM-DD 或北京时间').optional(),
    to: z.string().refine(dateOrTime, '截止须为日期 YYYY-MM-DD 或北京时间').optional(),
  })
  .strict() satisfies z.ZodType<OperationListQuery, unknown>;

export type ListOperationsQuery = z.output<typeof listOperationsQuery>;

function dateOrTime(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseBeijingTime(`${text}T00:00`) !== undefined : parseBeijingTime(text) !== undefined;
}

/** The instant a from/to filter names: a bare date is its Beijing midnight (from) or the next midnight (to). */
export function boundOf(text: string, end: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(parseBeijingTime(`${text}T00:00`)!.getTime() + (end ? 24 * 3_600_000 : 0));
  return parseBeijingTime(text)!;
}

/** An operation's ref (JO-2026-0001) in a path. */
export const operationRefPattern = /^JO-\d{4}-\d{4,}$/;
