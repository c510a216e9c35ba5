import { EntitySchema } from 'typeorm';

/** The step of the closed loop a photo documents. */
export const photoStages = ['report', 'handling', 'verification'] as const;

export type PhotoStage = (typeof photoStages)[number];

/** Image types a case photo may have; the type is read from the file's first bytes, not from the client. */
export type PhotoMimeType = 'image/jpeg' | 'image/png' | 'image/webp';

/** A photo of a case: its metadata here, its bytes in DATA_DIR/photos/<storageKey>. */
export interface CasePhoto {
  id: number;
  caseId: number;
  stage: PhotoStage;
  fileName: string;
  mimeType: PhotoMimeType;
  sizeBytes: number;
  storageKey: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export const CasePhotoEntity = new EntitySchema<CasePhoto>({
  name: 'CasePhoto',
  tableName: 'case_photo',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    caseId: { name: 'case_id', type: 'integer' },
    stage: { type: 'varchar', length: 16 },
    fileName: { name: 'file_name', type: 'varchar', length: 255 },
    mimeType: { name: 'mime_type', type: 'varchar', length: 32 },
    sizeBytes: { name: 'size_bytes', type: 'integer' },
    storageKey: { name: 'storage_key', type: 'varchar', length: 128 },
    uploadedBy: { name: 'uploaded_by', type: 'varchar', length: 64 },
    uploadedAt: { name: 'uploaded_at', type: 'datetime', precision: 3 },
  },
});
