import type { Translator } from '../../lib/i18n';
import type { RoleWithTarget } from '../auth/queries';
import type { JwtClaims } from '../db/claims';
import type { Queryable } from '../db/types';

/**
 * What every section source receives: the request's database (its queries
 * run as the signed-in person, so RLS decides what each one sees), who is
 * asking, the roles they hold (read once for all sources) and the
 * translator for the words.
 */
export interface WorkContext {
  db: Queryable;
  claims: JwtClaims;
  /** The person's roles with what each is held in (hub, city, organization), as `can()` reads them. */
  roles: readonly RoleWithTarget[];
  i18n: Translator;
}

/** A link the section offers: an action ("Write news") or "see all". */
export interface WorkLink {
  label: string;
  href: string;
}

/** Something that waits for the person, counted: also listed at the top of the page. */
export interface WorkWaiting extends WorkLink {
  count: number;
}

/** One thing the person manages or has to look at. */
export interface WorkItem {
  /** Its name or title (user text is escaped by the page). */
  label: string;
  href?: string;
  /** A status badge, in the one badge style of the portal. */
  badge?: { status: 'draft' | 'pending' | 'verified' | 'demo' | 'info'; label: string };
  /** One line under the name: hub, date, places taken… */
  detail?: string;
}

/** A list inside a section ("Drafts", "Scheduled"), bounded: `total` says how many there are. */
export interface WorkGroup {
  /** Omitted when the group is the section's only list. */
  heading?: string;
  items: WorkItem[];
  total: number;
  /** Where the whole list is, shown when `total` exceeds the items listed. */
  more?: WorkLink;
  /** Said when the list is empty (otherwise an empty group is not shown). */
  empty?: string;
}

/** One block of the "Your work" page. */
export interface WorkSection {
  /** Unique on the page: the block's anchor (`#work-<id>`) and its test hook. */
  id: string;
  title: string;
  /** The page of what the section is about (the hub, the city), linked from its title. */
  href?: string;
  lead?: string;
  waiting: WorkWaiting[];
  groups: WorkGroup[];
  /** Said when none of the groups has anything to list. */
  empty?: string;
  actions: WorkLink[];
}

/**
 * A domain's contribution to the "Your work" page: one file in
 * `src/server/work/sections/` exporting `default defineWorkSource({...})`.
 * `load` returns the blocks for this person (none when they hold nothing
 * the domain looks after), reading through the domain's `queries.ts`, every
 * query bounded by a limit. docs/your-work.md explains how to add one.
 */
export interface WorkSource {
  /** Unique among sources (the file's name, by convention). */
  id: string;
  /** Place on the page, lower first: see the table in docs/your-work.md. */
  order: number;
  load(context: WorkContext): Promise<WorkSection[]>;
}

/** Declares a section source (typed; the registry finds the file by itself). */
export function defineWorkSource(source: WorkSource): WorkSource {
  return source;
}
