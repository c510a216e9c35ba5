import { z } from 'zod';
import type { ModelKind } from '../../contracts/designer.js';
import { validationErrorFrom } from '../../errors/index.js';

/** File extension of each kind of model. */
export const extensionOf: Record<ModelKind, string> = { bpmn: '.bpmn', dmn: '.dmn', form: '.form' };

/** The kind a file name says, or undefined for any other file. */
export function kindOfFile(fileName: string): ModelKind | undefined {
  return (Object.keys(extensionOf) as ModelKind[]).find((kind) => fileName.endsWith(extensionOf[kind]));
}

const modelKind = z.enum(['bpmn', 'dmn', 'form'], { error: '文件类型须为 bpmn、dmn 或 form' });

// A plain name, no folders: drafts and shipped files are addressed by it, and it becomes the engine's resource name.
const fileName = z
  .string({ error: '文件名须为文字' })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.(bpmn|dmn|form)$/, '文件名只能含字母、数字、点、下划线和连字符，并以 .bpmn、.dmn 或 .form 结尾');

// 900 kB leaves room in the API's 1 MB body limit; case-routing.dmn, the largest shipped file, is 70 kB.
const content = z.string({ error: '内容须为文字' }).min(1, '内容不能为空').max(900_000, '内容最多 900 kB');
const comment = z.string({ error: '说明须为文字' }).trim().max(500, '说明最多 500 字').optional();
const revision = z.number({ error: '版本号须为正整数' }).int('版本号须为正整数').min(1, '版本号须为正整数');

/** The kind must be the one the file name's extension says. */
const kindMatchesName = <T extends { fileName: string; kind: ModelKind }>(value: T, ctx: z.RefinementCtx) => {
  if (kindOfFile(value.fileName) !== value.kind) ctx.addIssue({ code: 'custom', path: ['kind'], message: `文件 ${value.fileName} 的类型应为 ${kindOfFile(value.fileName)}` });
};

export const createDraftBody = z.object({ fileName, kind: modelKind, content, comment }).strict().superRefine(kindMatchesName);
export const saveDraftBody = z.object({ content, baseRevision: revision, comment }).strict();
export const lintBody = z.object({ fileName, kind: modelKind, content }).strict().superRefine(kindMatchesName);
export const deployBody = z.object({ revision }).strict();

/** A numeric id or revision of the path; anything else is a 400 naming the parameter. */
export function parsePositiveInt(raw: unknown, param: string): number {
  const result = z.string().regex(/^[1-9]\d{0,9}$/, '须为正整数').safeParse(raw);
  if (!result.success) throw validationErrorFrom(result.error, `params.${param}`);
  return Number(result.data);
}

/** A shipped file's name from the path: the same rule as drafts, so no "..", no slashes. */
export function parseFileName(raw: unknown): string {
  const result = fileName.safeParse(raw);
  if (!result.success) throw validationErrorFrom(result.error, 'params.fileName');
  return result.data;
}
