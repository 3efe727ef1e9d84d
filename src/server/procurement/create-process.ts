import { randomUUID } from 'node:crypto';
import { getConfig } from '../config';
import type { RequestDb } from '../db/request-context';
import { inSavepoint, refuse, type Outcome } from './outcome';
import type { PlanInput } from './plan-form';

/** The plan's columns in the order `planValues` gives them. */
export const planColumns = [
  'title',
  'problem',
  'outcomes',
  'beneficiaries',
  'themes',
  'sdgs',
  'kpi_codes',
  'budget_amount',
  'budget_currency',
  'budget_usd',
  'funding_source',
  'planned_notice_on',
  'planned_award_on',
  'planned_delivery_start',
  'planned_delivery_end',
  'gender_affected',
  'gender_consultation',
  'gender_criteria',
] as const;

/** The plan as statement parameters (jsonb and arrays typed by the statements). */
export function planValues(plan: PlanInput): unknown[] {
  return [
    plan.title,
    plan.problem,
    JSON.stringify(plan.outcomes),
    plan.beneficiaries,
    plan.themes,
    plan.sdgs,
    plan.kpiCodes,
    plan.budgetAmount,
    plan.budgetCurrency,
    plan.budgetUsd,
    plan.fundingSource,
    plan.plannedNoticeOn,
    plan.plannedAwardOn,
    plan.plannedDeliveryStart,
    plan.plannedDeliveryEnd,
    plan.genderAffected,
    plan.genderConsultation,
    plan.genderCriteria,
  ];
}

/** `$n` placeholders for the plan's values, with the casts the columns need. */
export function planPlaceholders(offset = 0): string[] {
  const casts: Record<string, string> = {
    outcomes: '::text::jsonb',
    themes: '::text[]',
    sdgs: '::smallint[]',
    kpi_codes: '::text[]',
  };
  return planColumns.map((column, i) => `$${i + 1 + offset}${casts[column] ?? ''}`);
}

/**
 * Opens a procurement process for a city as a draft, with its plan. Its ocid
 * is OCDS_PREFIX and its id, fixed now. RLS: the city's editors only.
 */
export function createProcess(
  db: RequestDb,
  input: { cityId: string; userId: string; plan: PlanInput },
): Promise<Outcome<{ id: string }>> {
  const id = randomUUID();
  const ocid = `${getConfig().procurement.ocdsPrefix}${id}`;
  return inSavepoint(db, async (tx) => {
    const rows = await tx.query<{ id: string }>(
      `insert into public.procurement_processes (id, ocid, city_id, created_by, ${planColumns.join(', ')})
       values ($1, $2, $3, $4, ${planPlaceholders(4).join(', ')}) returning id`,
      [id, ocid, input.cityId, input.userId, ...planValues(input.plan)],
    );
    if (rows.length === 0) refuse('city', 'procurement.error.forbidden');
    return { id };
  });
}
