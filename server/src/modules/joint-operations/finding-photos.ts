import type { Response } from 'express';
import type { EntityManager } from 'typeorm';
import { inTransaction } from '../../db/transaction.js';
import { ForbiddenError, NotFoundError } from '../../errors/index.js';
import { recordAudit } from '../audit/index.js';
import type { CurrentUser } from '../auth/index.js';
import { numericIdOf, sendStoredPhoto, storePhotos } from '../photos/index.js';
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
  const photoIds = await storePhotos(deps.photosDir, files, (stored) => {
    const rows: Omit<FindingPhoto, 'id'>[] = stored.map((s) => ({ findingId: finding.id, ...s, uploadedBy: user.username, uploadedAt: new Date() }));
    return inTransaction(deps.dataSource, async (tx) => {
      const { identifiers } = await tx.insert(FindingPhotoEntity, rows);
      const ids = identifiers.map((i) => Number(i.id));
      await recordOperationEvent(tx, { operationId: op.id, type: 'photos-added', actor: user.username, departmentCode: finding.departmentCode, data: { findingId: finding.id, photoIds: ids } });
      await recordAudit(tx, { actor: user.username, action: 'operation.photo-upload', targetType: 'operation', targetId: op.ref, after: { findingId: finding.id, photos: rows.map((r, i) => ({ id: ids[i], fileName: r.fileName, mimeType: r.mimeType, sizeBytes: r.sizeBytes })) } });
      return ids;
    });
  });
  deps.changed?.();
  return { photoIds };
}

/** Sends the bytes of one photo of a finding the caller may see; 404 when it is not that finding's. */
export async function sendFindingPhoto(deps: OperationDeps, user: CurrentUser, ref: string, findingIdText: string, photoIdText: string, res: Response): Promise<void> {
  const manager = deps.dataSource.manager;
  const op = await visibleOperation(manager, user, ref);
  const finding = await findingOf(manager, op.id, ref, findingIdText);
  const photoId = numericIdOf(photoIdText);
  const photo = Number.isNaN(photoId) ? null : await manager.findOneBy(FindingPhotoEntity, { id: photoId, findingId: finding.id });
  await sendStoredPhoto(deps.photosDir, photo, res, () => new NotFoundError(`发现 ${finding.id} 没有照片 ${photoIdText}`, { resource: 'photo', id: photoIdText }));
}

async function findingOf(manager: EntityManager, operationId: number, ref: string, idText: string): Promise<OperationFinding> {
  const id = numericIdOf(idText);
  const finding = Number.isNaN(id) ? null : await manager.findOneBy(OperationFindingEntity, { id, operationId });
  if (!finding) throw new NotFoundError(`行动 ${ref} 没有发现 ${idText}`, { resource: 'finding', id: idText });
  return finding;
}
