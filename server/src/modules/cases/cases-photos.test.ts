import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRecordEntity } from '../audit/index.js';
import { CasePhotoEntity } from './case-photo.entity.js';
import type { CaseDetail } from './case-detail.js';
import type { PhotoView } from './case-views.js';
import { gif, jpeg, jpegDeclaring, png, webpCanvas } from './photo-fixtures.js';
import { photosDirOf } from './photos.js';
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

function form(stage: string | undefined, files: Array<{ name: string; bytes: Buffer; type: string }>, field = 'photos'): FormData {
  const data = new FormData();
  if (stage !== undefined) data.set('stage', stage);
  for (const f of files) data.append(field, new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  return data;
}

const upload = async (username: string, data: FormData | object, no = caseNo) => (await h.as(username)).raw('POST', `/api/cases/${no}/photos`, data);
const photoRows = (caseId: number) => h.server.dataSource.manager.countBy(CasePhotoEntity, { caseId });
const storedFiles = () => readdir(photosDirOf(h.config.DATA_DIR)).catch(() => [] as string[]);
const uploadAudits = () => h.server.dataSource.manager.countBy(AuditRecordEntity, { action: 'case.photo-upload', targetId: caseNo });

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

  it.each([
    { trick: 'a PNG header declaring 100000×100000 pixels', name: 'huge.png', type: 'image/png', bytes: () => png(100_000, 100_000), status: 400 },
    { trick: 'a JPEG frame header declaring 65000×65000 pixels', name: 'huge.jpg', type: 'image/jpeg', bytes: () => jpegDeclaring(65_000, 65_000), status: 400 },
    { trick: 'a WebP canvas of 100000×100000 pixels', name: 'huge.webp', type: 'image/webp', bytes: () => webpCanvas(100_000, 100_000), status: 400 },
    { trick: 'HTML in a file named .jpg', name: '现场.jpg', type: 'image/jpeg', bytes: () => Buffer.from('<!doctype html><script>alert(document.cookie)</script>'), status: 415 },
    { trick: 'SVG in a file named .jpg', name: 'map.jpg', type: 'image/jpeg', bytes: () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), status: 415 },
    { trick: 'a PNG signature followed by garbage', name: 'broken.png', type: 'image/png', bytes: () => Buffer.concat([png().subarray(0, 8), Buffer.from('garbage, not chunks')]), status: 400 },
    { trick: 'a JPEG marker followed by garbage', name: 'broken.jpg', type: 'image/jpeg', bytes: () => Buffer.concat([jpeg.subarray(0, 3), Buffer.from('garbage after the marker')]), status: 400 },
    { trick: 'a JPEG cut off before its frame header', name: 'cut.jpg', type: 'image/jpeg', bytes: () => jpeg.subarray(0, 150), status: 400 },
    { trick: 'a GIF declared as image/png', name: 'anim.png', type: 'image/png', bytes: () => gif, status: 415 },
  ])('refuses $trick with $status naming the file, and keeps no row, file or audit record', async ({ name, type, bytes, status }) => {
    // given a good photo next to the forged one
    const row = await h.row(caseNo);
    const before = { rows: await photoRows(row.id), files: (await storedFiles()).length, audits: await uploadAudits() };
    const files = [
      { name: 'ok.png', bytes: png(), type: 'image/png' },
      { name, bytes: bytes(), type },
    ];

    // when
    const response = await upload('wangge', form('report', files));

    // then
    expect(response.status).toBe(status);
    expect((await errorOf(response)).message).toContain(`“${name}”`);
    expect({ rows: await photoRows(row.id), files: (await storedFiles()).length, audits: await uploadAudits() }).toEqual(before);
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
