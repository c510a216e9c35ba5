import { crc32 } from 'node:zlib';
import { imageSize } from 'image-size';
import type { PhotoMimeType } from './case-photo.entity.js';

/** Pixel limits of a photo: browsers decode every pixel, so a small file declaring a huge image can exhaust them. */
export const photoPixelLimits = { maxSide: 20_000, maxPixels: 40_000_000 } as const;

/** What the bytes of an uploaded file are: a photo with its type and size, or why it is not one. */
export type PhotoContent =
  | { ok: true; mimeType: PhotoMimeType; width: number; height: number }
  | { ok: false; problem: 'not-an-image' | 'unreadable' | 'too-large'; message: string };

/** The image type of a file from its first bytes (JPEG, PNG or WebP), whatever the client declared. */
export function sniffImageType(bytes: Buffer): PhotoMimeType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/** image-size's name of each type, to check that it read the header of the type the first bytes announced. */
const sizeTypeOf: Record<PhotoMimeType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/**
 * Reads the type from the first bytes and the dimensions from the header (image-size), never from the file name or
 * the declared type. A header that cannot be read, is cut short, or declares more pixels than the limits is refused.
 */
export function inspectPhoto(bytes: Buffer): PhotoContent {
  const mimeType = sniffImageType(bytes);
  if (!mimeType) return { ok: false, problem: 'not-an-image', message: '不是 JPEG、PNG 或 WebP 图片' };
  const size = headerIntact(mimeType, bytes) ? readSize(bytes) : undefined;
  if (!size || size.type !== sizeTypeOf[mimeType] || !(size.width >= 1 && size.height >= 1)) {
    return { ok: false, problem: 'unreadable', message: '图片头损坏或不完整，无法读取尺寸' };
  }
  const { width, height } = size;
  const { maxSide, maxPixels } = photoPixelLimits;
  if (width > maxSide || height > maxSide || width * height > maxPixels) {
    return { ok: false, problem: 'too-large', message: `尺寸 ${width}×${height} 像素超出上限（每边最多 ${maxSide} 像素，总计最多 ${maxPixels / 10_000} 万像素）` };
  }
  return { ok: true, mimeType, width, height };
}

function readSize(bytes: Buffer): { width: number; height: number; type?: string } | undefined {
  try {
    const { width, height, type } = imageSize(bytes);
    return { width, height, type };
  } catch {
    return undefined;
  }
}

/** The checks image-size leaves out: it reads the PNG and WebP size fields without looking at what surrounds them. */
function headerIntact(mimeType: PhotoMimeType, bytes: Buffer): boolean {
  if (mimeType === 'image/png') return pngHeaderIntact(bytes);
  if (mimeType === 'image/webp') return webpHeaderIntact(bytes);
  return true;
}

/** The first chunk is a 13-byte IHDR whose checksum matches. */
function pngHeaderIntact(bytes: Buffer): boolean {
  if (bytes.length < 33) return false;
  return bytes.readUInt32BE(8) === 13 && bytes.toString('latin1', 12, 16) === 'IHDR' && crc32(bytes.subarray(12, 29)) === bytes.readUInt32BE(29);
}

/** The RIFF container and the first chunk fit in the file, and the chunk starts as its kind requires. */
function webpHeaderIntact(bytes: Buffer): boolean {
  if (bytes.length < 30 || bytes.readUInt32LE(4) + 8 > bytes.length) return false;
  const chunk = bytes.toString('latin1', 12, 16);
  const chunkSize = bytes.readUInt32LE(16);
  if (20 + chunkSize > bytes.length) return false;
  if (chunk === 'VP8 ') return chunkSize >= 10 && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a;
  if (chunk === 'VP8L') return chunkSize >= 5 && bytes[20] === 0x2f;
  if (chunk === 'VP8X') return chunkSize === 10;
  return false;
}
