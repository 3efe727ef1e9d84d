import type { MessageKey } from '../i18n';

/**
 * The terms of use, versioned. The text of the current version is in the
 * i18n module (`terms.*` keys, messages/en/legal.ts) and shown at `/terms`;
 * this file says which version that text is and when it took effect, so that
 * what someone accepted can be stored and named later: organization
 * registration stores `currentTermsVersion` with the organization
 * (`organizations.terms_version`, with the time it was accepted).
 *
 * Changing the terms: change the `terms.*` text, add a version at the end of
 * `termsVersions` with a new id (the day it takes effect) and a one-line
 * summary of the change (shown on /terms), and keep older entries (accepted
 * versions stay meaningful). Never change the text of a version that is not
 * the last one.
 */
export interface TermsVersion {
  /** Stored with an acceptance: the day the version took effect (YYYY-MM-DD), unique. */
  id: string;
  /** The day it took effect (YYYY-MM-DD). */
  effectiveOn: string;
  /** What changed from the version before, for readers. */
  changes: MessageKey;
}

export const termsVersions = [
  { id: '2026-12-03', effectiveOn: '2026-12-03', changes: 'terms.changes.first' },
] as const satisfies readonly TermsVersion[];

/** The version in force: what a person accepts today. */
export const currentTerms: TermsVersion = termsVersions[termsVersions.length - 1]!;

/** The id of the version in force, to store with an acceptance. */
export const currentTermsVersion: string = currentTerms.id;

/** Where the terms are read; registration links here and names the version. */
export const termsPath = '/terms';

/** The version with this id, or null (an id stored by an older release that is unknown here). */
export function findTermsVersion(id: string): TermsVersion | null {
  return termsVersions.find((version) => version.id === id) ?? null;
}
