import { countryNameIn, isCountryCode } from '../../lib/taxonomy/countries';
import { getConfig } from '../config';
import type { Queryable } from '../db/types';
import { buildReleaseBody } from './ocds-release';
import { findProcess } from './queries';

/** The OCDS release tags a use case publishes (the releaseTag codelist, without `compiled`). */
export type ReleaseTag =
  | 'planning'
  | 'planningUpdate'
  | 'tender'
  | 'tenderAmendment'
  | 'tenderUpdate'
  | 'tenderCancellation'
  | 'award'
  | 'awardUpdate'
  | 'contract'
  | 'contractUpdate'
  | 'contractAmendment'
  | 'implementation'
  | 'implementationUpdate'
  | 'contractTermination';

/** A country as OCDS addresses name it: its English name (from the ISO code, or as stored). */
function englishCountry(value: string): string {
  return isCountryCode(value) ? countryNameIn('en', value) : value;
}

/**
 * Stores a new OCDS release of a published process with `tags`: the whole
 * public state at this moment, built as the caller (a city editor) but from
 * public parts only (a draft notice, bids and scores never enter it). Called
 * by every use case that publishes a change, in the same transaction, so a
 * change and its release are saved together or not at all.
 */
export async function publishRelease(
  tx: Queryable,
  processId: string,
  tags: readonly ReleaseTag[],
  /** The seed's demo history only: a request's release is always dated now (the database says so). */
  releasedAt?: Date,
): Promise<void> {
  const detail = await findProcess(tx, processId);
  if (!detail?.plan.publishedAt) throw new Error(`Process ${processId} is not published`);
  const { server } = getConfig();
  const body = buildReleaseBody(
    detail,
    { siteUrl: server.siteUrl, language: 'en' },
    englishCountry,
  );
  const params: unknown[] = [processId, tags, JSON.stringify(body)];
  if (releasedAt) params.push(releasedAt);
  await tx.query(
    `insert into public.procurement_releases (process_id, tags, release${releasedAt ? ', released_at' : ''})
     values ($1, $2::text[], $3::text::jsonb${releasedAt ? ', $4' : ''})`,
    params,
  );
}
