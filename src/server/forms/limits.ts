import { uploadLimits } from '../storage/inspect-image';

/**
 * The body limits a route chooses from (bytes, counted as they arrive; see
 * read-body.ts). Every body is read through one of them: there is no
 * unlimited read.
 */
export const bodyLimits = {
  /** Forms of short text fields: sign-in, account, administration, applications. */
  text: 64 * 1024,
  /**
   * Editing forms: rich text (up to 1,000,000 characters of JSON, urlencoded
   * or multipart) and at most one image at the upload limit.
   */
  editor: uploadLimits.maxBytes + 2 * 1024 * 1024,
  /** JSON bodies of API routes. */
  json: 256 * 1024,
} as const;

/** A limit for people: "64 KB", "7 MB". */
export function formatByteLimit(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}
