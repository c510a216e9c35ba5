import { crc32, deflateSync } from 'node:zlib';

/** Real and forged image files for the photo tests; the real ones were encoded by Chromium and decode there. */

/** A PNG chunk: length, type, data and checksum. */
function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1×1 RGB PNG, built chunk by chunk; its header declares the given size (only 1×1 matches its pixels). */
export function png(width = 1, height = 1): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(Buffer.from([0, 0xd0, 0x21, 0x2e]))), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A real 2×1 grey baseline JPEG (Chromium's encoder, colour profile removed). */
export const jpeg = Buffer.from(
  'ffd8ffe000104a46494600010100000100010000ffdb00430050373c463c32504641465a55505f78c882786e6e78f5afb991c8ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffdb004301555a5a786978eb8282ebffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc00011080001000203012200021101031101ffc40014000100000000000000000000000000000000ffc40014100100000000000000000000000000000000ffc40014010100000000000000000000000000000000ffc40014110100000000000000000000000000000000ffda000c03010002110311003f00000fffd9',
  'hex',
);

/** The JPEG above with its frame header (SOF0) declaring another size. */
export function jpegDeclaring(width: number, height: number): Buffer {
  const forged = Buffer.from(jpeg);
  const sof = forged.indexOf(Buffer.from([0xff, 0xc0]));
  forged.writeUInt16BE(height, sof + 5);
  forged.writeUInt16BE(width, sof + 7);
  return forged;
}

/** A RIFF/WEBP file of the chunks given. */
function webpOf(...chunks: Array<[string, Buffer]>): Buffer {
  const body = Buffer.concat(
    chunks.map(([type, data]) => {
      const size = Buffer.alloc(4);
      size.writeUInt32LE(data.length);
      return Buffer.concat([Buffer.from(type, 'latin1'), size, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
    }),
  );
  const riffSize = Buffer.alloc(4);
  riffSize.writeUInt32LE(4 + body.length);
  return Buffer.concat([Buffer.from('RIFF'), riffSize, Buffer.from('WEBP'), body]);
}

const vp8Frame = Buffer.from('5001009d012a0200010007409625a4000474000000000000', 'hex');

/** A real 2×1 lossy WebP (Chromium's encoder). */
export const webpLossy = webpOf(['VP8 ', vp8Frame]);

/** A real 2×1 lossless WebP (Chromium's encoder). */
export const webpLossless = webpOf(['VP8L', Buffer.from('2f010000000750c00216b0ff8188e87f00', 'hex')]);

/** An extended WebP whose canvas (VP8X) declares the given size, around the 2×1 frame. */
export function webpCanvas(width: number, height: number): Buffer {
  const header = Buffer.alloc(10);
  header.writeUIntLE(width - 1, 4, 3);
  header.writeUIntLE(height - 1, 7, 3);
  return webpOf(['VP8X', header], ['VP8 ', vp8Frame]);
}

/** A 1×1 GIF: a real image of a type photos may not have. */
export const gif = Buffer.from('47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b', 'hex');
