import { z } from 'zod';
import { categoryOf } from '../categories/index.js';
import { occurrences, weekdayOf, fromBeijing } from './schedule.js';

/** "请填写…" when the field is missing, the type message otherwise. */
const required = (missing: string, wrongType: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? missing : wrongType) });

const localTime = (label: string) =>
  z.string(required(`请填写${label}`, `${label}须为文字`)).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, `${label}须为北京时间，格式如 2026-12-04T08:30`).refine((s) => !Number.isNaN(fromBeijing(s).getTime()), `${label}不是有效的时间`);

const localDate = z.string(required('请填写重复截止日期', '截止日期须为文字')).regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期格式如 2027-03-31');

/** Most runs one plan may have: a weekly patrol for about a year. */
export const maxRunsPerPlan = 120;

const recurrence = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('once') }).strict(),
  z
    .object({
      kind: z.literal('weekly'),
      weekdays: z
        .array(z.number({ error: '星期须为 1（周一）到 7（周日）的整数' }).int('星期须为整数').min(1, '星期须为 1 到 7').max(7, '星期须为 1 到 7'), { error: '请选择每周巡查的星期' })
        .min(1, '请至少选择一个星期')
        .refine((days) => new Set(days).size === days.length, '星期不能重复'),
      until: localDate,
    })
    .strict(),
], { error: '重复方式须为 once（单次）或 weekly（每周）' });

/** When the patrol runs; the window is at most a day, and a weekly series starts on one of its weekdays. */
export const patrolScheduleSchema = z
  .object({ startsAt: localTime('开始时间'), endsAt: localTime('结束时间'), recurrence })
  .strict()
  .superRefine((s, ctx) => {
    const span = fromBeijing(s.endsAt).getTime() - fromBeijing(s.startsAt).getTime();
    if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间须晚于开始时间' });
    else if (span > 86_400_000) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '一次巡查最长 24 小时' });
    if (s.recurrence.kind !== 'weekly') return;
    if (!s.recurrence.weekdays.includes(weekdayOf(s.startsAt))) ctx.addIssue({ code: 'custom', path: ['recurrence', 'weekdays'], message: '首次巡查的日期须是所选的星期之一' });
    if (s.recurrence.until < s.startsAt.slice(0, 10)) ctx.addIssue({ code: 'custom', path: ['recurrence', 'until'], message: '截止日期不能早于首次巡查日期' });
    else if (span > 0 && occurrences(s).length > maxRunsPerPlan) ctx.addIssue({ code: 'custom', path: ['recurrence', 'until'], message: `一个计划最多 ${maxRunsPerPlan} 次巡查，请提前截止日期` });
  });

const member = z
  .object({
    username: z.string(required('请填写队员账号', '队员账号须为文字')).trim().min(1, '队员账号不能为空').max(64, '队员账号最多 64 位'),
    departmentCode: z.string(required('请填写队员所属部门', '部门须为文字编码')).trim().min(1, '部门不能为空').max(64, '部门编码最多 64 位'),
  })
  .strict();

/** POST /patrols: a plan as the coordinator draws it. Grids and people are checked against the database by the service. */
export const patrolPlanSchema = z
  .object({
    title: z.string(required('请填写巡查名称', '巡查名称须为文字')).trim().min(2, '巡查名称至少 2 个字').max(100, '巡查名称最多 100 字'),
    route: z
      .array(z.string({ error: '网格编码须为文字' }).trim().min(1, '网格编码不能为空').max(32, '网格编码最多 32 位'), required('请在地图上选择巡查路线的网格', '路线须为网格编码的列表'))
      .min(1, '路线至少包含一个网格')
      .max(50, '路线最多 50 个网格')
      .refine((codes) => new Set(codes).size === codes.length, '路线中的网格不能重复'),
    team: z
      .array(member, required('请选择巡查队员', '队员须为列表'))
      .min(1, '请至少选择一名队员')
      .max(30, '队员最多 30 人')
      .refine((team) => new Set(team.map((m) => m.username)).size === team.length, '队员不能重复'),
    schedule: patrolScheduleSchema,
  })
  .strict();

export type PatrolPlanBody = z.output<typeof patrolPlanSchema>;

const coordinate = {
  lng: z.number(required('请填写经度', '经度须为数字')).min(-180, '经度须在 -180 到 180 之间').max(180, '经度须在 -180 到 180 之间'),
  lat: z.number(required('请填写纬度', '纬度须为数字')).min(-90, '纬度须在 -90 到 90 之间').max(90, '纬度须在 -90 到 90 之间'),
};

/** POST /patrol-runs/:ref/check-ins. */
export const checkInSchema = z
  .object({ gridCode: z.string(required('请选择签到的网格', '网格编码须为文字')).trim().min(1, '网格编码不能为空').max(32, '网格编码最多 32 位'), ...coordinate })
  .strict();

/** POST /patrol-runs/:ref/findings: the problem, where it is, and its category for the case. */
export const findingSchema = z
  .object({
    description: z.string(required('请填写问题描述', '问题描述须为文字')).trim().min(2, '描述至少 2 个字').max(2000, '描述最多 2000 字'),
    ...coordinate,
    categoryCode: z.string(required('请选择问题类别', '问题类别须为文字编码')).refine((c) => categoryOf(c) !== undefined, { message: '未知的问题类别 (unknown category code)' }),
  })
  .strict();

/** POST /patrol-runs/:ref/finish. */
export const finishRoundSchema = z.object({ note: z.string({ error: '巡查小结须为文字' }).trim().max(500, '巡查小结最多 500 字').optional() }).strict();

/** POST /patrol-runs/:ref/review. */
export const reviewSchema = z.object({ comment: z.string(required('请填写复核意见', '复核意见须为文字')).trim().min(2, '复核意见至少 2 个字').max(1000, '复核意见最多 1000 字') }).strict();

const calendarDate = (label: string) =>
  z
    .string(required(`请填写${label}`, `${label}须为日期`))
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}须为日期，格式如 2026-12-04`)
    .refine((s) => !Number.isNaN(fromBeijing(`${s}T00:00`).getTime()), `${label}不是有效的日期`);

/** Longest period the calendar asks for at once: a month view with its leading and trailing weeks. */
export const maxCalendarDays = 62;

/** GET /patrols/calendar: the Beijing days from `from` to `to`, both included. */
export const calendarQuerySchema = z
  .object({ from: calendarDate('起始日期'), to: calendarDate('截止日期') })
  .strict()
  .superRefine((q, ctx) => {
    const days = (fromBeijing(`${q.to}T00:00`).getTime() - fromBeijing(`${q.from}T00:00`).getTime()) / 86_400_000;
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: '截止日期不能早于起始日期' });
    else if (days >= maxCalendarDays) ctx.addIssue({ code: 'custom', path: ['to'], message: `一次最多查询 ${maxCalendarDays} 天` });
  });
