import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../db/transaction.js';
import { NotFoundError } from '../../errors/index.js';
import { recordAudit } from '../audit/index.js';
import type { CurrentUser } from '../auth/index.js';
import { numericIdOf, sendStoredPhoto, storePhotos } from '../photos/index.js';
import type { CaseFile } from './case-file.entity.js';
import { CasePhotoEntity, type CasePhoto, type PhotoStage } from './case-photo.entity.js';
import { photoView, type PhotoView } from './case-views.js';

export { photoLimits, photosDirOf, photoUpload } from '../photos/index.js';

/** What saving photos needs. */
export interface PhotoDeps {
  dataSource: DataSource;
  photosDir: string;
}

/**
 * Checks every file of the upload, then stores them all: bytes under a random key, a case_photo row each and one audit
 * record, in one transaction. Nothing is kept when any file is bad or the transaction fails.
 */
export async function savePhotos(deps: PhotoDeps, c: CaseFile, user: CurrentUser, stage: PhotoStage, files: Express.Multer.File[]): Promise<PhotoView[]> {
  return storePhotos(deps.photosDir, files, async (stored) => {
    const rows: Array<Omit<CasePhoto, 'id'>> = stored.map((s) => ({ caseId: c.id, stage, ...s, uploadedBy: user.username, uploadedAt: new Date() }));
    const saved = await inTransaction(deps.dataSource, async (manager) => {
      const { identifiers } = await manager.insert(CasePhotoEntity, rows);
      const photos = rows.map((row, i) => ({ ...row, id: Number(identifiers[i]!.id) }));
      await recordAudit(manager, { actor: user.username, action: 'case.photo-upload', targetType: 'case', targetId: c.caseNo, after: { stage, photos: photos.map(({ id, fileName, mimeType, sizeBytes }) => ({ id, fileName, mimeType, sizeBytes })) } });
      return photos;
    });
    return saved.map((p) => photoView(c.caseNo, p));
  });
}

/** Sends the bytes of one photo of the case with its image type; 404 when the photo is not the case's. */
export async function sendPhoto(deps: PhotoDeps, c: CaseFile, photoId: string, res: Response): Promise<void> {
  const id = numericIdOf(photoId);
  const photo = Number.isNaN(id) ? null : await deps.dataSource.manager.findOneBy(CasePhotoEntity, { id, caseId: c.id });
  await sendStoredPhoto(deps.photosDir, photo, res, () => new NotFoundError(`案件 ${c.caseNo} 没有照片 ${photoId}`, { resource: 'photo', id: photoId }));
}
