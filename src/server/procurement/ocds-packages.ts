import { compileReleases, type Json } from './ocds-merge';
import type { StoredRelease } from './queries';

/**
 * OCDS 1.1 packages of the stored releases: a release package (one process,
 * or a page of all public ones) and a record package with the compiled
 * release. The publisher is the portal; each release's buyer is the city.
 */
export interface PackageContext {
  /** The package's own address (its `uri`). */
  uri: string;
  siteUrl: string;
  publisherName: string;
}

const ocdsVersion = '1.1';

function publisher(context: PackageContext) {
  return { name: context.publisherName, uri: context.siteUrl };
}

function latest(releases: readonly StoredRelease[], fallback: Date): string {
  const newest = releases.reduce<Date | null>(
    (max, r) => (max === null || r.releasedAt > max ? r.releasedAt : max),
    null,
  );
  return (newest ?? fallback).toISOString();
}

/** A release package of the given releases (published date: the newest release's). */
export function buildReleasePackage(
  releases: readonly StoredRelease[],
  context: PackageContext,
  now: Date,
): Record<string, unknown> {
  return {
    uri: context.uri,
    version: ocdsVersion,
    publishedDate: latest(releases, now),
    publisher: publisher(context),
    publicationPolicy: `${context.siteUrl}/procurement/about-the-data`,
    releases: releases.map((r) => r.release),
  };
}

/**
 * A record package for one process: every release, embedded, oldest first,
 * and the compiled release. Needs at least one release.
 */
export function buildRecordPackage(
  releases: readonly StoredRelease[],
  context: PackageContext & { releasePackageUri: string },
  now: Date,
): Record<string, unknown> {
  const ordered = [...releases].sort((a, b) => a.sequence - b.sequence);
  const bodies = ordered.map((r) => r.release as { [key: string]: Json });
  return {
    uri: context.uri,
    version: ocdsVersion,
    publishedDate: latest(releases, now),
    publisher: publisher(context),
    publicationPolicy: `${context.siteUrl}/procurement/about-the-data`,
    packages: [context.releasePackageUri],
    records: [
      {
        ocid: String(bodies[0]!.ocid),
        releases: bodies,
        compiledRelease: compileReleases(bodies),
      },
    ],
  };
}
