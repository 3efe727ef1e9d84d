import sharp from 'sharp';

/** Upload limits: the largest file accepted and the largest picture (in pixels) decoded. */
export const uploadLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxPixels: 40_000_000,
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

/**
 * Checks an uploaded file and re-encodes it: the size limit, the format by
 * content (JPEG, PNG, WebP, GIF only), then a full decode and a fresh
 * encode with sharp, which drops EXIF/XMP/ICC metadata (location, camera)
 * and anything hidden after the image data, applies the orientation and
 * shrinks very large pictures. Throws UploadRefusedError with the reason.
 */
export async function cleanUploadedImage(input: Uint8Array): Promise<CleanImage> {
  if (input.byteLength === 0) throw new UploadRefusedError('empty');
  if (input.byteLength > uploadLimits.maxBytes) throw new UploadRefusedError('too-large');
  const format = sniffImageFormat(input);
  if (!format) {
    if (looksExecutable(input)) throw new UploadRefusedError('executable');
    if (looksLikeMarkup(input)) throw new UploadRefusedError('svg');
    throw new UploadRefusedError('not-an-image');
  }
  try {
    const image = sharp(input, {
      failOn: 'warning',
      limitInputPixels: uploadLimits.maxPixels,
      animated: format === 'gif' || format === 'webp',
    });
    const meta = await image.metadata();
    if (meta.format !== format && !(format === 'jpeg' && meta.format === 'jpeg'))
      throw new UploadRefusedError('not-an-image');
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
  } catch (error) {
    if (error instanceof UploadRefusedError) throw error;
    const message = (error as Error).message ?? '';
    if (/pixel limit|exceeds pixel/i.test(message)) throw new UploadRefusedError('too-many-pixels');
    throw new UploadRefusedError('damaged');
  }
}
