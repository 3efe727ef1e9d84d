import { z } from 'zod';
import { kpiCodeSchema } from '../../lib/kpis/framework';
import { sdgGoalSchema } from '../../lib/sdgs';
import { themeSchema } from '../../lib/taxonomy/themes';
import type { FieldError } from '../forms';
import {
  fieldErrorsWithParams,
  isIsoDate,
  listField,
  lineText,
  longText,
  optionalAmount,
  optionalCurrency,
  optionalDate,
} from './form-fields';

/** How many outcome rows the plan form offers (no JavaScript: a fixed number of rows). */
export const outcomeRows = 5;

const outcomeFields = Object.fromEntries(
  Array.from({ length: outcomeRows }, (_, i) => [
    [`outcome_${i + 1}`, longText(400, 'procurement.error.outcome')],
    [`measure_${i + 1}`, longText(400, 'procurement.error.measure')],
  ]).flat(),
) as Record<string, ReturnType<typeof longText>>;

/**
 * The plan form: the problem and the outcomes wanted, who benefits, the
 * themes, SDGs and KPIs it should move, the budget and its funding, the
 * timeline, and the gender and inclusion assessment.
 */
export const planFormSchema = z.object({
  title: lineText(3, 200, 'procurement.error.title'),
  problem: longText(4000, 'procurement.error.problem'),
  ...outcomeFields,
  beneficiaries: longText(2000, 'procurement.error.beneficiaries'),
  themes: listField.pipe(z.array(themeSchema).max(20)),
  sdgs: listField.transform((values, ctx) => {
    const goals: number[] = [];
    for (const value of values) {
      const goal = sdgGoalSchema.safeParse(value);
      if (goal.success) goals.push(goal.data);
      else ctx.addIssue({ code: 'custom', message: 'sdg.error.goal', params: { value } });
    }
    return goals;
  }),
  kpi_codes: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(/[\n,;]+/)
        .map((code) => code.trim())
        .filter(Boolean),
    )
    .pipe(z.array(kpiCodeSchema).max(20, { message: 'procurement.error.kpiCount' })),
  budget_amount: optionalAmount('procurement.error.amount'),
  budget_currency: optionalCurrency,
  budget_usd: optionalAmount('procurement.error.amountUsd'),
  funding_source: longText(500, 'procurement.error.funding'),
  planned_notice_on: optionalDate('procurement.error.date'),
  planned_award_on: optionalDate('procurement.error.date'),
  planned_delivery_start: optionalDate('procurement.error.date'),
  planned_delivery_end: optionalDate('procurement.error.date'),
  gender_affected: longText(2000, 'procurement.error.gender'),
  gender_consultation: longText(2000, 'procurement.error.gender'),
  gender_criteria: longText(2000, 'procurement.error.gender'),
});

/**
 * The rules between fields, read from the raw values so they are reported
 * with every other problem of the form (zod runs an object's refinements
 * only when its fields parsed).
 */
function crossFieldErrors(fields: Record<string, unknown>): FieldError[] {
  const text = (name: string) =>
    typeof fields[name] === 'string' ? (fields[name] as string).trim() : '';
  const errors: FieldError[] = [];
  for (let i = 1; i <= outcomeRows; i += 1) {
    if (!text(`outcome_${i}`) && text(`measure_${i}`))
      errors.push({ field: `outcome_${i}`, message: 'procurement.error.outcome' });
  }
  const amount = text('budget_amount');
  const currency = text('budget_currency').toUpperCase();
  if (Boolean(amount) !== Boolean(currency)) {
    errors.push({
      field: amount ? 'budget_currency' : 'budget_amount',
      message: 'procurement.error.budgetPair',
    });
  } else if (amount && currency && currency !== 'USD' && !text('budget_usd')) {
    errors.push({ field: 'budget_usd', message: 'procurement.error.amountUsd' });
  }
  const start = text('planned_delivery_start');
  const end = text('planned_delivery_end');
  if (isIsoDate(start) && isIsoDate(end) && end < start)
    errors.push({ field: 'planned_delivery_end', message: 'procurement.error.periodOrder' });
  return errors;
}

export interface PlanInput {
  title: string;
  problem: string;
  outcomes: { outcome: string; measure: string }[];
  beneficiaries: string;
  themes: string[];
  sdgs: number[];
  kpiCodes: string[];
  budgetAmount: number | null;
  budgetCurrency: string | null;
  budgetUsd: number | null;
  fundingSource: string;
  plannedNoticeOn: string | null;
  plannedAwardOn: string | null;
  plannedDeliveryStart: string | null;
  plannedDeliveryEnd: string | null;
  genderAffected: string;
  genderConsultation: string;
  genderCriteria: string;
}

/** Validates a submitted plan form into the values the use cases store. */
export function parsePlanForm(
  fields: Record<string, unknown>,
): { ok: true; input: PlanInput } | { ok: false; errors: FieldError[] } {
  const parsed = planFormSchema.safeParse(fields);
  const errors = parsed.success ? [] : fieldErrorsWithParams(parsed.error);
  for (const error of crossFieldErrors(fields)) {
    if (!errors.some((e) => e.field === error.field)) errors.push(error);
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  const form = parsed.data as typeof parsed.data & Record<string, string>;
  const outcomes: PlanInput['outcomes'] = [];
  for (let i = 1; i <= outcomeRows; i += 1) {
    const outcome = form[`outcome_${i}`];
    if (outcome) outcomes.push({ outcome, measure: form[`measure_${i}`] ?? '' });
  }
  const themes = [...new Set(form.themes)];
  return {
    ok: true,
    input: {
      title: form.title,
      problem: form.problem,
      outcomes,
      beneficiaries: form.beneficiaries,
      themes,
      sdgs: [...new Set(form.sdgs)].sort((a, b) => a - b),
      kpiCodes: [...new Set(form.kpi_codes)],
      budgetAmount: form.budget_amount,
      budgetCurrency: form.budget_currency,
      budgetUsd: form.budget_currency === 'USD' ? form.budget_amount : form.budget_usd,
      fundingSource: form.funding_source,
      plannedNoticeOn: form.planned_notice_on,
      plannedAwardOn: form.planned_award_on,
      plannedDeliveryStart: form.planned_delivery_start,
      plannedDeliveryEnd: form.planned_delivery_end,
      genderAffected: form.gender_affected,
      genderConsultation: form.gender_consultation,
      genderCriteria: form.gender_criteria,
    },
  };
}
