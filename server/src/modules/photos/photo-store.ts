import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { RequestHandler, Response } from 'express';
import multer from 'multer';
import { MalformedRequestError, NotFoundError, PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../../errors/index.js';
// The content checks (type from the bytes, size from the header, pixel limits) were written for case photos first.
import type { PhotoMimeType } from '../cases/case-photo.entity.js';
import { inspectPhoto, type PhotoContent } from '../cases/photo-content.js';

/** Limits of one upload: at most 9 photos of at most 10 MB each. */
export const photoLimits = { files: 9, fileSizeBytes: 10 * 1024 * 1024 } as const;

/** Where photo bytes live: DATA_DIR/photos, for case and finding photos alike. */
export function photosDirOf(dataDir: string): string {
  return path.resolve(dataDir, 'photos');
}

/**
 * Parses a multipart upload into memory (field `photos`), turning multer's errors into ours:
 * a file over the size limit is 413, too many files 400, anything else malformed 400. A non-multipart body is 415.
 */
export function photoUpload(): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { files: photoLimits.files, fileSize: photoLimits.fileSizeBytes, fields: 10, fieldSize: 1024, parts: photoLimits.files + 10 },
    defParamCharset: 'utf8',
  }).array('photos', photoLimits.files);
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) return next(new UnsupportedMediaTypeError('照片须以 multipart/form-data 上传（文件字段 photos）'));
    upload(req, res, (error: unknown) => next(error === undefined || error === null ? undefined : uploadErrorOf(error)));
  };
}

function uploadErrorOf(error: unknown): Error {
  if (!(error instanceof multer.MulterError)) return new MalformedRequestError('上传内容格式不正确，无法解析', undefined, { cause: error });
  const { code, field } = error;
  const fileName = (error as { filename?: string }).filename;
  if (code === 'LIMIT_FILE_SIZE') return new PayloadTooLargeError(fileName ? `照片“${fileName}”超过 10 MB` : '照片超过 10 MB', { limit: photoLimits.fileSizeBytes });
  if (code === 'LIMIT_FILE_COUNT' || (code === 'LIMIT_UNEXPECTED_FILE' && field === 'photos')) {
    return new ValidationError(`一次最多上传 ${photoLimits.files} 张照片`, { issues: [{ path: 'body.photos', message: `一次最多上传 ${photoLimits.files} 张照片` }] });
  }
  if (code === 'LIMIT_UNEXPECTED_FILE') return new ValidationError(`不支持的文件字段 ${field ?? ''}，照片请用字段 photos`, { issues: [{ path: `body.${field ?? ''}`, message: '不支持的文件字段，照片请用 photos' }] });
  return new MalformedRequestError(`上传内容不符合要求（${error.message}）`);
}

/** One uploaded file once stored: what its row records. */
export interface StoredPhoto {
  fileName: string;
  mimeType: PhotoMimeType;
  sizeBytes: number;
  storageKey: string;
}

/**
 * Checks every file of an upload, writes the bytes of each under a random key, then lets `record` keep the rows (in
 * its own transaction). Nothing stays on disk when a file is bad or `record` fails.
 */
export async function storePhotos<T>(photosDir: string, files: readonly Express.Multer.File[], record: (stored: StoredPhoto[]) => Promise<T>): Promise<T> {
  const accepted = acceptedPhotos(files);
  await mkdir(photosDir, { recursive: true });
  const stored: StoredPhoto[] = [];
  try {
    for (const { file, fileName, mimeType } of accepted) {
      const storageKey = randomBytes(16).toString('hex');
      await writeFile(path.join(photosDir, storageKey), file.buffer, { flag: 'wx' });
      stored.push({ fileName, mimeType, sizeBytes: file.size, storageKey });
    }
    return await record(stored);
  } catch (error) {
    await Promise.all(stored.map(({ storageKey }) => unlink(path.join(photosDir, storageKey)).catch(() => undefined)));
    throw error;
  }
}

/**
 * The files as photos, or the refusal naming every bad file: 400 for none, 415 when one is no JPEG, PNG or WebP at
 * all, otherwise 400 for each file whose header is damaged or declares too many pixels.
 */
function acceptedPhotos(files: readonly Express.Multer.File[]) {
  if (files.length === 0) throw new ValidationError('请至少选择一张照片', { issues: [{ path: 'body.photos', message: '请至少选择一张照片（字段 photos）' }] });
  const checked: Array<{ file: Express.Multer.File; fileName: string; content: PhotoContent }> = files.map((file) => ({ file, fileName: cleanFileName(file.originalname), content: inspectPhoto(file.buffer) }));
  const notImages = checked.filter((c) => !c.content.ok && c.content.problem === 'not-an-image').map((c) => `“${c.fileName}”`);
  if (notImages.length) throw new UnsupportedMediaTypeError(`文件 ${notImages.join('、')} 不是 JPEG、PNG 或 WebP 图片`);
  const issues = checked.flatMap(({ fileName, content }) => (content.ok ? [] : [{ path: 'body.photos', message: `照片“${fileName}”：${content.message}` }]));
  if (issues.length) throw new ValidationError(issues.map((i) => i.message).join('；'), { issues });
  return checked.flatMap(({ file, fileName, content }) => (content.ok ? [{ file, fileName, mimeType: content.mimeType }] : []));
}

/** A row id (a photo's, or its owner's) from a path segment, or NaN when it cannot be one. */
export function numericIdOf(text: string): number {
  const id = /^\d{1,12}$/.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(id) ? id : NaN;
}

/**
 * Sends the bytes of a stored photo inline with its image type, nosniff and a private cache; `notFound` when there is
 * no such photo or its bytes are gone.
 */
export async function sendStoredPhoto(photosDir: string, photo: { fileName: string; mimeType: string; storageKey: string } | null, res: Response, notFound: () => NotFoundError): Promise<void> {
  const file = photo && /^[0-9a-f]{32}$/.test(photo.storageKey) ? path.join(photosDir, photo.storageKey) : undefined;
  const size = file ? await stat(file).then((s) => s.size, () => undefined) : undefined;
  if (!photo || !file || size === undefined) throw notFound();
  res.status(200);
  res.setHeader('Content-Type', photo.mimeType);
  res.setHeader('Content-Length', String(size));
  res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(photo.fileName)}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, max-age=3600');
  try {
    await pipeline(createReadStream(file), res);
  } catch (error) {
    // A client that stops reading is no server fault; before the first byte it still is an error.
    if (!res.headersSent) throw error;
    res.destroy();
  }
}

/** The client's file name without folders or control characters, at most 255 characters. */
function cleanFileName(name: string | undefined): string {
  const base = path.basename((name ?? '').replaceAll('\\', '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'photo').slice(0, 255);
}
