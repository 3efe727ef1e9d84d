import { z } from 'zod';
import { pageSchema, parseListingFilters } from '../listing/query-params';
import { sdgGoalSchema } from '../sdgs';
import { countryCodeSchema } from '../taxonomy/countries';
import { themeSchema } from '../taxonomy/themes';
import { valueBandSchema } from '../taxonomy/bands';
import { isSingleLineText } from '../text/control-characters';

/**
 * The words of the buying cycle. Stages are the four steps of the U4SSC
 * procurement guidelines (plan, inform the market, evaluate and award,
 * manage delivery) and the end; methods and milestone statuses are OCDS 1.1
 * codelists (`method.csv`, `milestoneStatus.csv`). Labels are i18n messages
 * `procurement.stage.<key>`, `procurement.status.<key>`,
 * `procurement.method.<key>`, `procurement.milestone.<key>`.
 */
export const procurementStages = ['plan', 'market', 'evaluation', 'delivery', 'closed'] as const;
export type ProcurementStage = (typeof procurementStages)[number];

export const procurementStatuses = ['active', 'complete', 'cancelled'] as const;
export type ProcurementStatus = (typeof procurementStatuses)[number];

/** OCDS `method` codelist, in its order. */
export const tenderMethods = ['open', 'selective', 'limited', 'direct'] as const;
export type TenderMethod = (typeof tenderMethods)[number];
/** Methods that restrict competition and so must say why (OCDS procurementMethodRationale). */
export const methodsNeedingRationale: readonly TenderMethod[] = ['limited', 'direct'];

/** OCDS `milestoneStatus` codelist, in its order. */
export const milestoneStatuses = ['scheduled', 'met', 'notMet', 'partiallyMet'] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];

/** A notice stays open at least this long unless the editor records why not. */
export const minimumNoticeDays = 28;

/** Query parameters of `/procurement`: each bad value is dropped and named, the rest apply. */
export const procurementFiltersSchema = z.object({
  stage: z.enum(procurementStages).optional(),
  status: z.enum(procurementStatuses).optional(),
  theme: themeSchema.optional(),
  sdg: sdgGoalSchema.optional(),
  country: countryCodeSchema.optional(),
  hub: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(120)
    .optional(),
  open: z.literal('1').optional(),
  band: valueBandSchema.optional(),
  // A NUL or another control character cannot be searched for (Postgres refuses a NUL): dropped.
  q: z.string().trim().min(1).max(100).refine(isSingleLineText).optional(),
  page: pageSchema,
});
export type ProcurementFilters = z.infer<typeof procurementFiltersSchema>;

export function parseProcurementFilters(
  source: URLSearchParams | Record<string, string | string[] | undefined>,
): { filters: ProcurementFilters; invalid: string[] } {
  return parseListingFilters(procurementFiltersSchema, source);
}
