import { z } from 'zod';
import { categoryOf } from '../categories/index.js';
import { departmentCodes } from '../departments/index.js';
import { photoStages } from './case-photo.entity.js';

const caseSources = ['inspector', 'hotline', 'patrol', 'open311', 'joint-enforcement', 'joint-patrol'] as const;
const caseStatuses = ['registered', 'rejected', 'merged', 'dispatched', 'handled', 'returned', 'closed'] as const;

/** "请填写…" when the field is missing, the type message otherwise. */
const required = (missing: string, wrongType: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? missing : wrongType) });

/** A new report, as an inspector files it or a hotline operator files it for a caller. */
export const createCaseSchema = z
  .object({
    categoryCode: z.string(required('请选择案件类别', '案件类别须为文字编码')).refine((c) => categoryOf(c) !== undefined, { message: '未知的案件类别 (unknown category code)' }),
    description: z.string(required('请填写问题描述', '问题描述须为文字')).trim().min(2, '描述至少 2 个字').max(2000, '描述最多 2000 字'),
    lng: z.number(required('请填写经度', '经度须为数字')).min(-180, '经度须在 -180 到 180 之间').max(180, '经度须在 -180 到 180 之间'),
    lat: z.number(required('请填写纬度', '纬度须为数字')).min(-90, '纬度须在 -90 到 90 之间').max(90, '纬度须在 -90 到 90 之间'),
    address: z.string({ error: '地址须为文字' }).trim().max(255, '地址最多 255 字').optional(),
    source: z.enum(caseSources, { error: '来源须为 inspector、hotline、patrol 或 open311' }),
    urgent: z.boolean({ error: '是否紧急须为 true 或 false' }).default(false),
    callerName: z.string({ error: '来电人姓名须为文字' }).trim().min(1, '请填写来电人姓名').max(64, '来电人姓名最多 64 字').optional(),
    callerPhone: z.string({ error: '来电号码须为文字' }).regex(/^[0-9+\- ]{5,32}$/, '电话号码格式不正确').optional(),
    /** The joint operation a finding came from; set by that module's service, never by a reporter. */
    sourceRef: z.string().trim().min(1).max(32).optional(),
  })
  .strict();

export type CreateCaseInput = z.input<typeof createCaseSchema>;

/** POST /cases: the report without a source, which the caller's role decides (the command centre may name one). */
export const reportCaseSchema = createCaseSchema.omit({ sourceRef: true }).extend({ source: createCaseSchema.shape.source.optional() });

export type ReportCaseBody = z.output<typeof reportCaseSchema>;

/** GET /cases: filters, the handling-deadline window and the page. */
export const listCasesQuery = z
  .object({
    status: z.enum(caseStatuses, { error: `状态须为 ${caseStatuses.join('、')} 之一` }).optional(),
    categoryCode: z.string().refine((c) => categoryOf(c) !== undefined, { message: '未知的案件类别' }).optional(),
    gridCode: z.string().trim().min(1, '网格编码不能为空').max(32, '网格编码最多 32 位').optional(),
    streetCode: z.string().trim().min(1, '街道编码不能为空').max(32, '街道编码最多 32 位').optional(),
    department: z.enum(departmentCodes, { error: `部门须为 ${departmentCodes.join('、')} 之一` }).optional(),
    due: z.enum(['overdue', 'due-soon'], { error: '期限筛选须为 overdue（已超期）或 due-soon（2 小时内到期）' }).optional(),
    page: z.coerce.number({ error: '页码须为正整数' }).int('页码须为正整数').min(1, '页码须为正整数').default(1),
    pageSize: z.coerce.number({ error: '每页条数须为 1 到 100 的整数' }).int('每页条数须为 1 到 100 的整数').min(1, '每页条数须为 1 到 100 的整数').max(100, '每页条数最多 100').default(20),
  })
  .strict();

export type ListCasesQuery = z.output<typeof listCasesQuery>;

/** POST /cases/:caseNo/comments. */
export const addCommentSchema = z
  .object({
    body: z.string(required('请填写评论内容', '评论内容须为文字')).trim().min(1, '评论内容不能为空').max(1000, '评论最多 1000 字'),
  })
  .strict();

/** The text fields of POST /cases/:caseNo/photos (the files come in the field `photos`). */
export const uploadPhotosFields = z
  .object({
    stage: z.enum(photoStages, { error: (issue) => (issue.input === undefined ? '请选择照片环节 stage（report、handling 或 verification）' : '照片环节须为 report（上报）、handling（处置）或 verification（核查）') }),
  })
  .strict();
