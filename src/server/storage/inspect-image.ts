import sharp from 'sharp';

/**
 * Upload limits: the largest file accepted, the most pixels (all frames of an
 * animation together) and the longest side an upload may declare, and the
 * longest side stored. Declared sizes are read from the file's header and
 * checked before anything is decoded, so a small file declaring a huge
 * picture (a decompression bomb) costs nothing.
 */
export const uploadLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxPixels: 25_000_000,
  maxInputEdge: 12_000,
  maxFrames: 200,
  maxEdge: 2400,
} as const;

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif';

export const imageFormats: Record<ImageFormat, { contentType: string; extension: string }> = {
  jpeg: { contentType: 'image/jpeg', extension: 'jpg' },
  png: { contentType: 'image/png', extension: 'png' },
  webp: { contentType: 'image/webp', extension: 'webp' },
  gif: { contentType: 'image/gif', extension: 'gif' },
};

/** Why an upload was refused; each has a message in the i18n catalogue (`upload.error.<code>`). */
export type UploadRefusal =
  'empty' | 'too-large' | 'executable' | 'svg' | 'not-an-image' | 'damaged' | 'too-many-pixels';

export class UploadRefusedError extends Error {
  constructor(readonly reason: UploadRefusal) {
    super(`Upload refused: ${reason}`);
    this.name = 'UploadRefusedError';
  }
}

/**
 * Identifies an image by its first bytes (its "magic number"), never by its
 * name or declared type, which a client controls.
 */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  const startsWith = (...sig: number[]) => sig.every((byte, i) => bytes[i] === byte);
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (startsWith(0xff, 0xd8, 0xff)) return 'jpeg';
  if (startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

function looksExecutable(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 4));
  return (
    head.startsWith('MZ') || // Windows PE
    head === '\x7fELF' || // Linux
    head.startsWith('#!') || // scripts
    [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(
      ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0,
    ) // Mach-O and Java classes
  );
}

function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return (
    head.startsWith('<?xml') ||
    head.startsWith('<svg') ||
    head.startsWith('<!doctype') ||
    head.startsWith('<html') ||
    head.includes('<svg')
  );
}

export interface CleanImage {
  bytes: Uint8Array;
  format: ImageFormat;
  contentType: string;
  extension: string;
  width: number;
  height: number;
}

/** What a file's header says it is, read without decoding any pixel. */
export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
  frames: number;
}

/**
 * The cheap checks, without decoding: the size limit, the format by content
 * (JPEG, PNG, WebP, GIF only), then the dimensions the header declares
 * (libvips reads only the header for metadata). Throws UploadRefusedError.
 */
export async function inspectUploadedImage(input: Uint8Array): Promise<ImageHeader> {
  if (input.byteLength === 0) throw new UploadRefusedError('empty');
  if (input.byteLength > uploadLimits.maxBytes) throw new UploadRefusedError('too-large');
  const format = sniffImageFormat(input);
  if (!format) {
    if (looksExecutable(input)) throw new UploadRefusedError('executable');
    if (looksLikeMarkup(input)) throw new UploadRefusedError('svg');
    throw new UploadRefusedError('not-an-image');
  }
  let meta: sharp.Metadata;
  try {
    meta = await sharp(input, {
      animated: format === 'gif' || format === 'webp',
      limitInputPixels: false,
    }).metadata();
  } catch {
    throw new UploadRefusedError('damaged');
  }
  if (meta.format !== format) throw new UploadRefusedError('not-an-image');
  const width = meta.width ?? 0;
  const frames = Math.max(1, meta.pages ?? 1);
  // For animations libvips reports the height of one frame as pageHeight.
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width < 1 || height < 1) throw new UploadRefusedError('damaged');
  if (
    width > uploadLimits.maxInputEdge ||
    height > uploadLimits.maxInputEdge ||
    frames > uploadLimits.maxFrames ||
    width * height * frames > uploadLimits.maxPixels
  ) {
    throw new UploadRefusedError('too-many-pixels');
  }
  return { format, width, height, frames };
}

/** Decodes run one or two at a time per process, so a burst of uploads cannot take every core. */
const decodeSlots = { free: 2, waiting: [] as (() => void)[] };

async function withDecodeSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (decodeSlots.free > 0) decodeSlots.free -= 1;
  else await new Promise<void>((resolve) => decodeSlots.waiting.push(resolve));
  try {
    return await fn();
  } finally {
    const next = decodeSlots.waiting.shift();
    if (next) next();
    else decodeSlots.free += 1;
  }
}

/**
 * The expensive part, for a file `inspectUploadedImage` accepted: a full
 * decode and a fresh encode with sharp, which drops EXIF/XMP/ICC metadata
 * (location, camera) and anything hidden after the image data, applies the
 * orientation and shrinks very large pictures. Throws UploadRefusedError.
 */
export async function reencodeImage(input: Uint8Array, header: ImageHeader): Promise<CleanImage> {
  const { format } = header;
  try {
    return await withDecodeSlot(async () => {
      const image = sharp(input, {
        failOn: 'warning',
        limitInputPixels: uploadLimits.maxPixels,
        animated: format === 'gif' || format === 'webp',
      });
      let pipeline = image.rotate().resize({
        width: uploadLimits.maxEdge,
        height: uploadLimits.maxEdge,
        fit: 'inside',
        withoutEnlargement: true,
      });
      pipeline =
        format === 'jpeg'
          ? pipeline.jpeg({ quality: 85, mozjpeg: true })
          : format === 'png'
            ? pipeline.png({ compressionLevel: 9 })
            : format === 'webp'
              ? pipeline.webp({ quality: 85 })
              : pipeline.gif();
      const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
      return {
        bytes: new Uint8Array(data),
        format,
        ...imageFormats[format],
        width: info.width,
        height: info.pageHeight ?? info.height,
      };
    });
  } catch (error) {
    if (error instanceof UploadRefusedError) throw error;
    const message = (error as Error).message ?? '';
    if (/pixel limit|exceeds pixel/i.test(message)) throw new UploadRefusedError('too-many-pixels');
    throw new UploadRefusedError('damaged');
  }
}

/** Both steps: checks an uploaded file, then re-encodes it. Throws UploadRefusedError with the reason. */
export async function cleanUploadedImage(input: Uint8Array): Promise<CleanImage> {
  return reencodeImage(input, await inspectUploadedImage(input));
}
