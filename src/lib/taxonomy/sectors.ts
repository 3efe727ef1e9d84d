import { z } from 'zod';
import type { MessageKey, Translator } from '../i18n';

/**
 * The sectors partner organizations belong to (`organizations.kind`), shared
 * by the directory's facet, the case studies' stakeholder maps and partner
 * roles, procurement and matchmaking, so that "academia" means the same
 * thing everywhere. Keys are stable kebab-case identifiers stored in the
 * database (a check constraint lists them); the words people read are i18n
 * messages (`sector.<key>` and `sector.<key>.description`).
 *
 * Renaming a key is a data migration: add the new key and map the old one in
 * `sectorAliases`, as 2026-12-03 did for `public-sector` and `un-agency`.
 */
export const sectorKeys = [
  'private-sector',
  'academia',
  'civil-society',
  'public-agency',
  'international-organization',
  'investor',
] as const;
export type SectorKey = (typeof sectorKeys)[number];

const knownSectors = new Set<string>(sectorKeys);

/** The issue message of `sectorSchema`: an i18n key, with the refused value in `params.value`. */
export const sectorIssueMessage = 'sector.error.unknown' satisfies MessageKey;

/** True for a key of the vocabulary. */
export function isSectorKey(value: string): value is SectorKey {
  return knownSectors.has(value);
}

/** Keys used before the vocabulary was settled, mapped to today's (read, never written). */
export const sectorAliases: Readonly<Record<string, SectorKey>> = {
  'public-sector': 'public-agency',
  'un-agency': 'international-organization',
};

/**
 * One sector key (trimmed, lower-cased; an old key is read as its new one);
 * anything else is refused with `sector.error.unknown` naming the value.
 */
export const sectorSchema = z.string().transform((value, ctx) => {
  const key = value.trim().toLowerCase();
  const sector = isSectorKey(key) ? key : sectorAliases[key];
  if (!sector) {
    ctx.addIssue({ code: 'custom', message: sectorIssueMessage, params: { value } });
    return z.NEVER;
  }
  return sector;
});

/** The words for a sector ("International organization"); an unknown key is shown as it is. */
export function sectorLabel(t: Translator['t'], key: string): string {
  return isSectorKey(key) ? t(`sector.${key}` as MessageKey) : key;
}

/** The one-line description of a sector, for hints beside a choice. */
export function sectorDescription(t: Translator['t'], key: SectorKey): string {
  return t(`sector.${key}.description` as MessageKey);
}
