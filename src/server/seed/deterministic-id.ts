import { createHash } from 'node:crypto';

/**
 * A stable UUID for a seeded record, derived from its natural key, so that the
 * seed is deterministic: the same demo user has the same id on every machine,
 * and tests can refer to it.
 */
export function deterministicId(namespace: string, key: string): string {
  const hex = createHash('sha256').update(`${namespace}:${key}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
