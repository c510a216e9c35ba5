import type { EntityManager } from 'typeorm';
import { beijingDay } from '../calendar/index.js';
import { DocumentCounterEntity, OperationDocumentEntity, type OperationDocumentKind } from './document.entity.js';

/** The issuing authority's word for each kind, as printed in the number. */
const numberWords: Record<OperationDocumentKind, string> = {
  'order-to-correct': '青禾联执城管责改',
  'on-site-penalty': '青禾联执城管罚决',
  'security-plan': '青禾联执公安勤保',
};

/** The printed number of a document, e.g. 青禾联执城管责改〔2026〕第00001号; serials restart every year. */
export function documentNo(kind: OperationDocumentKind, year: number, serial: number): string {
  return `${numberWords[kind]}〔${year}〕第${String(serial).padStart(5, '0')}号`;
}

/** What a new document says and where it belongs. */
export interface NewDocument {
  kind: OperationDocumentKind;
  operationId: number;
  findingId?: number | null;
  departmentCode: string;
  issuedAt: Date;
  content?: Record<string, unknown> | null;
}

/**
 * Issues a numbered document in the caller's transaction: the next serial of its kind and Beijing year, taken from
 * the counter row (its update locks the row, so concurrent issuers queue rather than share a number; the first of a
 * year creates the row).
 */
export async function issueDocument(manager: EntityManager, input: NewDocument): Promise<string> {
  const year = Number(beijingDay(input.issuedAt).slice(0, 4));
  const counter = { kind: input.kind, year };
  const bump = () => manager.createQueryBuilder().update(DocumentCounterEntity).set({ lastSerial: () => 'last_serial + 1' }).where('kind = :kind AND year = :year', counter).execute();
  // Update first: an INSERT IGNORE of an existing row would take a shared lock, and two issuers upgrading theirs deadlock.
  await bump();
  if (!(await manager.existsBy(DocumentCounterEntity, counter))) {
    await manager.createQueryBuilder().insert().into(DocumentCounterEntity).values({ ...counter, lastSerial: 0 }).orIgnore().updateEntity(false).execute();
    await bump();
  }
  const { lastSerial: serial } = await manager.findOneByOrFail(DocumentCounterEntity, counter);
  const number = documentNo(input.kind, year, serial);
  await manager.insert(OperationDocumentEntity, {
    documentNo: number,
    kind: input.kind,
    year,
    serial,
    operationId: input.operationId,
    findingId: input.findingId ?? null,
    departmentCode: input.departmentCode,
    issuedAt: input.issuedAt,
    content: input.content ? JSON.stringify(input.content) : null,
  });
  return number;
}
