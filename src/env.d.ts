/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The request's database: queries run as `anon` or `authenticated` under RLS. */
    db: import('./server/db/request-context').RequestDb;
    /** The signed-in user's verified claims, or null for a visitor. */
    claims: import('./server/db/claims').JwtClaims | null;
    /** Translator for the request's locale. */
    i18n: import('./lib/i18n').Translator;
    /**
     * Set only while the 503 page is rendered because the database is
     * unavailable (see src/server/http/unavailable-response.ts): where "try
     * again" leads, or null when the request was a form submission.
     */
    databaseUnavailable?: { retryPath: string | null };
    /** Set when the guard refused a permission; the 403 page explains it. */
    denied?: { permission: import('./lib/permissions').Permission };
  }
}
