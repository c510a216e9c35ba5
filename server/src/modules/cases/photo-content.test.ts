import { describe, expect, it } from 'vitest';
import { inspectPhoto, sniffImageType } from './photo-content.js';
import { gif, jpeg, jpegDeclaring, png, webpCanvas, webpLossless, webpLossy } from './photo-fixtures.js';

describe('inspectPhoto', () => {
  it.each([
    { what: 'a PNG', bytes: png(), mimeType: 'image/png', width: 1, height: 1 },
    { what: 'a baseline JPEG', bytes: jpeg, mimeType: 'image/jpeg', width: 2, height: 1 },
    { what: 'a lossy WebP', bytes: webpLossy, mimeType: 'image/webp', width: 2, height: 1 },
    { what: 'a lossless WebP', bytes: webpLossless, mimeType: 'image/webp', width: 2, height: 1 },
    { what: 'an extended WebP', bytes: webpCanvas(2, 1), mimeType: 'image/webp', width: 2, height: 1 },
    { what: 'a PNG header at both limits (20000 × 2000 = 40 megapixels)', bytes: png(20_000, 2_000), mimeType: 'image/png', width: 20_000, height: 2_000 },
  ])('reads the type and size of $what', ({ bytes, mimeType, width, height }) => {
    expect(inspectPhoto(bytes)).toEqual({ ok: true, mimeType, width, height });
  });

  it.each([
    { what: 'a PNG declaring 100000×100000', bytes: png(100_000, 100_000), problem: 'too-large' },
    { what: 'a PNG 20001 pixels wide', bytes: png(20_001, 1), problem: 'too-large' },
    { what: 'a PNG of 48 megapixels', bytes: png(8_000, 6_000), problem: 'too-large' },
    { what: 'a JPEG frame declaring 65000×65000', bytes: jpegDeclaring(65_000, 65_000), problem: 'too-large' },
    { what: 'a WebP canvas of 100000×100000', bytes: webpCanvas(100_000, 100_000), problem: 'too-large' },
    { what: 'a PNG declaring 0×0', bytes: png(0, 0), problem: 'unreadable' },
    { what: 'a JPEG frame declaring a height of 0', bytes: jpegDeclaring(2, 0), problem: 'unreadable' },
    { what: 'a PNG signature followed by garbage', bytes: Buffer.concat([png().subarray(0, 8), Buffer.from('garbage, not chunks at all')]), problem: 'unreadable' },
    { what: 'a PNG whose header checksum is wrong', bytes: Buffer.concat([png().subarray(0, 29), Buffer.alloc(4), png().subarray(33)]), problem: 'unreadable' },
    { what: 'a PNG cut off inside its header', bytes: png().subarray(0, 24), problem: 'unreadable' },
    { what: 'a JPEG marker followed by garbage', bytes: Buffer.concat([jpeg.subarray(0, 3), Buffer.from('garbage after the marker')]), problem: 'unreadable' },
    { what: 'a JPEG cut off before its frame header', bytes: jpeg.subarray(0, 150), problem: 'unreadable' },
    { what: 'a WebP container followed by garbage', bytes: Buffer.concat([webpLossy.subarray(0, 12), Buffer.from('VP8 garbage garbage garbage')]), problem: 'unreadable' },
    { what: 'a WebP cut off inside its frame', bytes: webpLossy.subarray(0, 28), problem: 'unreadable' },
    { what: 'a GIF', bytes: gif, problem: 'not-an-image' },
    { what: 'HTML', bytes: Buffer.from('<!doctype html><script>alert(1)</script>'), problem: 'not-an-image' },
    { what: 'SVG', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), problem: 'not-an-image' },
    { what: 'an empty file', bytes: Buffer.alloc(0), problem: 'not-an-image' },
  ])('refuses $what as $problem', ({ bytes, problem }) => {
    expect(inspectPhoto(bytes)).toMatchObject({ ok: false, problem });
  });

  it('names the declared size and the limits when a photo is too large', () => {
    expect(inspectPhoto(png(100_000, 100_000))).toMatchObject({ message: '尺寸 100000×100000 像素超出上限（每边最多 20000 像素，总计最多 4000 万像素）' });
  });
});

describe('sniffImageType', () => {
  it.each([
    { what: 'a PNG', bytes: png(), type: 'image/png' },
    { what: 'a JPEG', bytes: jpeg, type: 'image/jpeg' },
    { what: 'a WebP', bytes: webpLossy, type: 'image/webp' },
    { what: 'a GIF', bytes: gif, type: undefined },
    { what: 'text', bytes: Buffer.from('hello'), type: undefined },
    { what: 'an empty file', bytes: Buffer.alloc(0), type: undefined },
  ])('reads $what from its first bytes', ({ bytes, type }) => {
    expect(sniffImageType(bytes)).toBe(type);
  });
});
