/**
 * The terms of use people accept when they register an organization. The
 * page `/terms` shows the text of this version; changing the text means a
 * new id here, so every stored acceptance (`organizations.terms_version`,
 * with its time) still names the text that was accepted.
 */
export const currentTermsVersion = '2026-12-03';

/** Where the terms are read; registration links here and names the version. */
export const termsPath = '/terms';
