import { z } from 'zod';
import { tenderMethods } from '../../lib/procurement/vocabulary';
import { isSingleLineText } from '../../lib/text/control-characters';
import {
  idField,
  longText,
  optionalAmount,
  optionalCurrency,
  requiredAmount,
  requiredCurrency,
  requiredDate,
} from './form-fields';

/**
 * The forms of "evaluate and award": the tender method, each bid received,
 * the scores against the published criteria, and the award. One page, one
 * schema per form (`intent`).
 */
export const tenderFormSchema = z.object({
  intent: z.literal('tender'),
  method: z.enum(tenderMethods, { message: 'procurement.error.method' }),
  method_rationale: longText(2000, 'procurement.error.methodRationale'),
});

export const bidFormSchema = z.object({
  intent: z.literal('bid'),
  organization: z
    .union([z.literal(''), z.uuid({ message: 'procurement.error.organization' })])
    .default(''),
  bidder_name: z
    .string()
    .trim()
    .max(200, { message: 'procurement.error.bidderName' })
    .refine(isSingleLineText, { message: 'text.error.controlCharacters' })
    .default(''),
  amount: optionalAmount('procurement.error.amount'),
  currency: optionalCurrency,
  summary: longText(4000, 'procurement.error.bidSummary'),
  received_on: requiredDate('procurement.error.date'),
});

/** Scores arrive as `score_<bid id>_<criterion id>` fields, each 0–100 or empty. */
export const scoresFormSchema = z
  .object({ intent: z.literal('scores') })
  .catchall(z.string().trim().max(10));

export const awardFormSchema = z.object({
  intent: z.literal('award'),
  /** `bid:<id>` for a bidder, `organization:<id>` for a directory organization that did not bid, `other`. */
  supplier: z.string().regex(/^(bid:[0-9a-f-]{36}|organization:[0-9a-f-]{36}|other)$/, {
    message: 'procurement.error.supplier',
  }),
  supplier_name: z
    .string()
    .trim()
    .max(200, { message: 'procurement.error.bidderName' })
    .refine(isSingleLineText, { message: 'text.error.controlCharacters' })
    .default(''),
  amount: requiredAmount('procurement.error.amount'),
  currency: requiredCurrency,
  value_usd: optionalAmount('procurement.error.amountUsd'),
  awarded_on: requiredDate('procurement.error.date'),
  justification: longText(4000, 'procurement.error.justification', 10),
  non_bidder_reason: longText(2000, 'procurement.error.nonBidderReason'),
});

export const evaluationFormSchema = z.discriminatedUnion('intent', [
  tenderFormSchema,
  bidFormSchema,
  scoresFormSchema,
  awardFormSchema,
  z.object({ intent: z.literal('remove-bid'), bid: idField('form.error.invalid') }),
]);
export type EvaluationForm = z.infer<typeof evaluationFormSchema>;

/** Reads `score_<bid>_<criterion>` fields into scores; a bad value is named by its field. */
export function readScores(fields: Record<string, string>): {
  scores: { bidId: string; criterionId: string; score: number | null }[];
  bad: string[];
} {
  const scores: { bidId: string; criterionId: string; score: number | null }[] = [];
  const bad: string[] = [];
  for (const [name, raw] of Object.entries(fields)) {
    const match = /^score_([0-9a-f-]{36})_([0-9a-f-]{36})$/.exec(name);
    if (!match) continue;
    const value = raw.trim();
    if (value === '') {
      scores.push({ bidId: match[1]!, criterionId: match[2]!, score: null });
      continue;
    }
    const score = Number(value.replace(',', '.'));
    if (!/^\d{1,3}([.,]\d{1,2})?$/.test(value) || score < 0 || score > 100) bad.push(name);
    else scores.push({ bidId: match[1]!, criterionId: match[2]!, score });
  }
  return { scores, bad };
}
