import { readdir } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRecordEntity } from '../audit/index.js';
import { CasePhotoEntity } from './case-photo.entity.js';
import type { CaseDetail } from './case-detail.js';
import type { PhotoView } from './case-views.js';
import { photosDirOf, sniffImageType } from './photos.js';
import { CaseApiHarness, errorOf } from './test-support.js';

let h: CaseApiHarness;
let caseNo: string;

beforeAll(async () => {
  h = await CaseApiHarness.start();
  ({ caseNo } = await h.report('wangge'));
});

afterAll(async () => {
  await h?.stop();
});

/** A real 1×1 RGB PNG, built chunk by chunk. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from([0, 0xd0, 0x21, 0x2e]))), chunk('IEND', Buffer.alloc(0))]);
}

/** A real 1×1 greyscale JPEG (arithmetic coded, 107 bytes). */
const jpeg = Buffer.from(
  'FFD8FFDB004300030202020202030202020303030304060404040404080606050609080A0A090809090A0C0F0C0A0B0E0B09090D110D0E0F101011100A0C12131210130F101010FFC9000B080001000101011100FFCC000600101005FFDA0008010100003F00D2CF20FFD9',
  'hex',
);

function form(stage: string | undefined, files: Array<{ name: string; bytes: Buffer; type: string }>, field = 'photos'): FormData {
  const data = new FormData();
  if (stage !== undefined) data.set('stage', stage);
  for (const f of files) data.append(field, new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  return data;
}

const upload = async (username: string, data: FormData | object, no = caseNo) => (await h.as(username)).raw('POST', `/api/cases/${no}/photos`, data);
const photoRows = (caseId: number) => h.server.dataSource.manager.countBy(CasePhotoEntity, { caseId });
const storedFiles = () => readdir(photosDirOf(h.config.DATA_DIR)).catch(() => [] as string[]);

describe('POST /api/cases/:caseNo/photos', () => {
  it('stores a PNG and a JPEG with their metadata, audited, and serves the same bytes back', async () => {
    // given
    const files = [
      { name: '现场照片.png', bytes: png(), type: 'image/png' },
      { name: 'IMG_0001.jpg', bytes: jpeg, type: 'image/jpeg' },
    ];

    // when the reporting inspector uploads them
    const response = await upload('wangge', form('report', files));

    // then
    expect(response.status).toBe(201);
    const { photos } = (await response.json()) as { photos: PhotoView[] };
    expect(photos).toMatchObject([
      { stage: 'report', fileName: '现场照片.png', mimeType: 'image/png', sizeBytes: files[0]!.bytes.length, uploadedBy: 'wangge' },
      { stage: 'report', fileName: 'IMG_0001.jpg', mimeType: 'image/jpeg', sizeBytes: jpeg.length, uploadedBy: 'wangge' },
    ]);
    expect(await h.server.dataSource.manager.countBy(AuditRecordEntity, { action: 'case.photo-upload', targetId: caseNo })).toBeGreaterThanOrEqual(1);
    for (const [i, photo] of photos.entries()) {
      const download = await (await h.as('zhihui')).raw('GET', photo.url);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe(photo.mimeType);
      expect(Buffer.from(await download.arrayBuffer()).equals(files[i]!.bytes)).toBe(true);
    }
    const detail = await (await h.as('wangge')).get<CaseDetail>(`/api/cases/${caseNo}`);
    expect(detail.photos.map((p) => p.id)).toEqual(expect.arrayContaining(photos.map((p) => p.id)));
  });

  it('refuses a text file named .png with 415 naming it, and keeps nothing of the request', async () => {
    // given a good PNG next to a text file that claims to be one
    const row = await h.row(caseNo);
    const before = { rows: await photoRows(row.id), files: (await storedFiles()).length };
    const files = [
      { name: 'ok.png', bytes: png(), type: 'image/png' },
      { name: '伪装.png', bytes: Buffer.from('这不是图片，只是文字'), type: 'image/png' },
    ];

    // when
    const response = await upload('wangge', form('report', files));

    // then
    expect(response.status).toBe(415);
    const error = await errorOf(response);
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.message).toContain('伪装.png');
    expect(await photoRows(row.id)).toBe(before.rows);
    expect((await storedFiles()).length).toBe(before.files);
  });

  it('refuses an 11 MB file with 413 and keeps nothing', async () => {
    // given a PNG signature followed by 11 MB
    const row = await h.row(caseNo);
    const before = await photoRows(row.id);
    const big = Buffer.concat([png(), Buffer.alloc(11 * 1024 * 1024)]);

    // when
    const response = await upload('wangge', form('report', [{ name: 'big.png', bytes: big, type: 'image/png' }]));

    // then
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('PAYLOAD_TOO_LARGE');
    expect(await photoRows(row.id)).toBe(before);
  });

  it.each([
    { when: 'no file is sent', data: () => form('report', []), path: 'body.photos' },
    { when: 'ten files are sent', data: () => form('report', Array.from({ length: 10 }, (_, i) => ({ name: `p${i}.png`, bytes: png(), type: 'image/png' }))), path: 'body.photos' },
    { when: 'the stage is missing', data: () => form(undefined, [{ name: 'a.png', bytes: png(), type: 'image/png' }]), path: 'body.stage' },
    { when: 'the stage is unknown', data: () => form('archive', [{ name: 'a.png', bytes: png(), type: 'image/png' }]), path: 'body.stage' },
    { when: 'the file field is not photos', data: () => form('report', [{ name: 'a.png', bytes: png(), type: 'image/png' }], 'file'), path: 'body.file' },
  ])('answers 400 on $path when $when', async ({ data, path }) => {
    // when
    const response = await upload('wangge', data());

    // then
    expect(response.status).toBe(400);
    expect((await errorOf(response)).details?.issues?.map((i) => i.path)).toEqual([path]);
  });

  it('answers a JSON body with 415', async () => {
    // when
    const response = await upload('wangge', { stage: 'report' });

    // then
    expect(response.status).toBe(415);
  });

  it('lets the liaison of a dispatched department add handling photos', async () => {
    // given a case dispatched to sanitation
    const { caseNo: dispatched } = await h.report('wangge');
    await h.dispatch(dispatched);

    // when
    const response = await upload('huanwei', form('handling', [{ name: '处置后.jpg', bytes: jpeg, type: 'image/jpeg' }]), dispatched);

    // then
    expect(response.status).toBe(201);
    expect((await response.json()).photos[0]).toMatchObject({ stage: 'handling', uploadedBy: 'huanwei' });
  });
});

describe('photo access', () => {
  it('answers 404 to an upload and a download outside the caller’s scope', async () => {
    // given a photo of the case
    const [photo] = ((await (await upload('wangge', form('report', [{ name: 'x.png', bytes: png(), type: 'image/png' }]))).json()) as { photos: PhotoView[] }).photos;

    // when the commerce liaison, who does not see the case, tries
    const up = await upload('shichang', form('report', [{ name: 'y.png', bytes: png(), type: 'image/png' }]));
    const down = await (await h.as('shichang')).raw('GET', photo!.url);

    // then
    expect(up.status).toBe(404);
    expect(down.status).toBe(404);
  });

  it('answers 404 for a photo id that is not the case’s', async () => {
    // given another case of the same reporter
    const { caseNo: other } = await h.report('wangge');
    const [photo] = ((await (await upload('wangge', form('report', [{ name: 'z.png', bytes: png(), type: 'image/png' }]), other)).json()) as { photos: PhotoView[] }).photos;

    // when asked under the wrong case, or for an unknown id
    const api = await h.as('wangge');
    const wrongCase = await api.raw('GET', `/api/cases/${caseNo}/photos/${photo!.id}`);
    const unknown = await api.raw('GET', `/api/cases/${caseNo}/photos/999999999`);

    // then
    expect(wrongCase.status).toBe(404);
    expect(unknown.status).toBe(404);
  });
});

describe('sniffImageType', () => {
  it.each([
    { what: 'a PNG', bytes: png(), type: 'image/png' },
    { what: 'a JPEG', bytes: jpeg, type: 'image/jpeg' },
    { what: 'a WebP', bytes: Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), type: 'image/webp' },
    { what: 'a GIF', bytes: Buffer.from('GIF89a'), type: undefined },
    { what: 'text', bytes: Buffer.from('hello'), type: undefined },
    { what: 'an empty file', bytes: Buffer.alloc(0), type: undefined },
  ])('reads $what from its first bytes', ({ bytes, type }) => {
    expect(sniffImageType(bytes)).toBe(type);
  });
});
