import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { EntityManager } from 'typeorm';
import { inTransaction } from '../../db/transaction.js';
import { ForbiddenError, NotFoundError, UnsupportedMediaTypeError, ValidationError } from '../../errors/index.js';
import { recordAudit } from '../audit/index.js';
import type { CurrentUser } from '../auth/index.js';
// The same content checks as case photos (type from the bytes, size from the header, pixel limits).
import { inspectPhoto } from '../cases/photo-content.js';
import { FindingPhotoEntity, OperationFindingEntity, type FindingPhoto, type OperationFinding } from './finding.entity.js';
import { workingParticipant } from './findings.service.js';
import { recordOperationEvent } from './operation-events.js';
import { visibleOperation } from './operation-scope.js';
import type { OperationDeps } from './operations.service.js';

/**
 * Adds photos to a finding of the caller's own department while its execution task is open. Every file is checked
 * first; then the bytes, the rows, a timeline line and the audit record are kept together, or nothing is.
 */
export async function saveFindingPhotos(deps: OperationDeps, user: CurrentUser, ref: string, findingIdText: string, files: Express.Multer.File[]): Promise<{ photoIds: number[] }> {
  const manager = deps.dataSource.manager;
  const op = await visibleOperation(manager, user, ref);
  const finding = await findingOf(manager, op.id, ref, findingIdText);
  if (finding.departmentCode !== user.departmentCode) throw new ForbiddenError('只能为本部门登记的发现上传照片');
  await workingParticipant(manager, user, op);
  if (files.length === 0) throw new ValidationError('请至少选择一张照片', { issues: [{ path: 'body.photos', message: '请至少选择一张照片（字段 photos）' }] });
  const checked = files.map((file) => ({ file, fileName: cleanFileName(file.originalname), content: inspectPhoto(file.buffer) }));
  const notImages = checked.filter((c) => !c.content.ok && c.content.problem === 'not-an-image').map((c) => `“${c.fileName}”`);
  if (notImages.length) throw new UnsupportedMediaTypeError(`文件 ${notImages.join('、')} 不是 JPEG、PNG 或 WebP 图片`);
  const issues = checked.flatMap(({ fileName, content }) => (content.ok ? [] : [{ path: 'body.photos', message: `照片“${fileName}”：${content.message}` }]));
  if (issues.length) throw new ValidationError(issues.map((i) => i.message).join('；'), { issues });

  await mkdir(deps.photosDir, { recursive: true });
  const stored: string[] = [];
  try {
    const rows: Omit<FindingPhoto, 'id'>[] = [];
    for (const { file, fileName, content } of checked) {
      if (!content.ok) continue;
      const storageKey = randomBytes(16).toString('hex');
      await writeFile(path.join(deps.photosDir, storageKey), file.buffer, { flag: 'wx' });
      stored.push(storageKey);
      rows.push({ findingId: finding.id, fileName, mimeType: content.mimeType, sizeBytes: file.size, storageKey, uploadedBy: user.username, uploadedAt: new Date() });
    }
    const photoIds = await inTransaction(deps.dataSource, async (tx) => {
      const { identifiers } = await tx.insert(FindingPhotoEntity, rows);
      const ids = identifiers.map((i) => Number(i.id));
      await recordOperationEvent(tx, { operationId: op.id, type: 'photos-added', actor: user.username, departmentCode: finding.departmentCode, data: { findingId: finding.id, photoIds: ids } });
      await recordAudit(tx, { actor: user.username, action: 'operation.photo-upload', targetType: 'operation', targetId: op.ref, after: { findingId: finding.id, photos: rows.map((r, i) => ({ id: ids[i], fileName: r.fileName, mimeType: r.mimeType, sizeBytes: r.sizeBytes })) } });
      return ids;
    });
    deps.changed?.();
    return { photoIds };
  } catch (error) {
    await Promise.all(stored.map((key) => unlink(path.join(deps.photosDir, key)).catch(() => undefined)));
    throw error;
  }
}

/** Sends the bytes of one photo of a finding the caller may see; 404 when it is not that finding's. */
export async function sendFindingPhoto(deps: OperationDeps, user: CurrentUser, ref: string, findingIdText: string, photoIdText: string, res: Response): Promise<void> {
  const manager = deps.dataSource.manager;
  const op = await visibleOperation(manager, user, ref);
  const finding = await findingOf(manager, op.id, ref, findingIdText);
  const photoId = /^\d{1,12}$/.test(photoIdText) ? Number(photoIdText) : NaN;
  const photo = Number.isSafeInteger(photoId) ? await manager.findOneBy(FindingPhotoEntity, { id: photoId, findingId: finding.id }) : null;
  const file = photo && /^[0-9a-f]{32}$/.test(photo.storageKey) ? path.join(deps.photosDir, photo.storageKey) : undefined;
  const size = file ? await stat(file).then((s) => s.size, () => undefined) : undefined;
  if (!photo || !file || size === undefined) throw new NotFoundError(`发现 ${finding.id} 没有照片 ${photoIdText}`, { resource: 'photo', id: photoIdText });
  res.status(200);
  res.setHeader('Content-Type', photo.mimeType);
  res.setHeader('Content-Length', String(size));
  res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(photo.fileName)}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, max-age=3600');
  try {
    await pipeline(createReadStream(file), res);
  } catch (error) {
    if (!res.headersSent) throw error;
    res.destroy();
  }
}

async function findingOf(manager: EntityManager, operationId: number, ref: string, idText: string): Promise<OperationFinding> {
  const id = /^\d{1,12}$/.test(idText) ? Number(idText) : NaN;
  const finding = Number.isSafeInteger(id) ? await manager.findOneBy(OperationFindingEntity, { id, operationId }) : null;
  if (!finding) throw new NotFoundError(`行动 ${ref} 没有发现 ${idText}`, { resource: 'finding', id: idText });
  return finding;
}

/** The client's file name without folders or control characters, at most 255 characters. */
function cleanFileName(name: string | undefined): string {
  const base = path.basename((name ?? '').replaceAll('\\', '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'photo').slice(0, 255);
}
