import { z } from 'zod';
import type { KpiForEntry } from '../../lib/kpi-assessments/entry-rules';
import { parseKpiNumber } from '../../lib/kpi-assessments/kpi-values';
import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import { sqlStateOf } from './database-errors';

const year = z
  .string()
  .trim()
  .regex(/^\d{4}$/, 'kpiAssessments.target.yearInvalid')
  .transform(Number)
  .pipe(
    z
      .number()
      .min(2000, 'kpiAssessments.target.yearRange')
      .max(2100, 'kpiAssessments.target.yearRange'),
  );

/**
 * One target's small form on the targets page: a KPI (and part, for a
 * multi-valued KPI), the baseline year, and the value to reach by a year.
 */
export const kpiTargetFormSchema = z
  .object({
    intent: z.enum(['save', 'clear']),
    kpi: z.string().min(1).max(40),
    part: z.string().max(40).default(''),
    baselineYear: z.string().default(''),
    targetValue: z.string().default(''),
    targetYear: z.string().default(''),
  })
  .loose();
export type KpiTargetForm = z.output<typeof kpiTargetFormSchema>;

export type SetKpiTargetOutcome = { ok: true } | { ok: false; errors: FieldError[] };

/**
 * Sets (or clears) the city's own target for a KPI or one of its parts. The
 * value is checked by the KPI's measure like any value; the target year
 * comes after the baseline year. RLS lets only the city's editors do it.
 */
export async function setKpiTarget(
  db: RequestDb,
  input: { cityId: string; kpi: KpiForEntry; form: KpiTargetForm },
): Promise<SetKpiTargetOutcome> {
  const { kpi, form } = input;
  const part = kpi.measure.parts?.find((p) => p.key === form.part) ?? null;
  if (kpi.measure.parts ? !part : form.part !== '') {
    return { ok: false, errors: [{ field: 'form', message: 'kpiAssessments.target.partUnknown' }] };
  }
  try {
    if (form.intent === 'clear') {
      await db.savepoint((tx) =>
        tx.query(
          'delete from public.kpi_targets where city_id = $1 and kpi_code = $2 and part_key = $3 returning 1',
          [input.cityId, kpi.code, form.part],
        ),
      );
      return { ok: true };
    }
    const errors: FieldError[] = [];
    const baseline = year.safeParse(form.baselineYear);
    const target = year.safeParse(form.targetYear);
    const value = parseKpiNumber(form.targetValue, part?.kind ?? kpi.measure.kind, {
      max: part ? undefined : kpi.measure.max,
      unit: kpi.unit,
    });
    if (!baseline.success) {
      errors.push({ field: 'baselineYear', message: yearMessage(baseline.error) });
    }
    if (form.targetValue.trim() === '') {
      errors.push({ field: 'targetValue', message: 'kpiAssessments.target.valueRequired' });
    } else if (!value.ok) {
      errors.push({
        field: 'targetValue',
        message: value.issue.message,
        params: value.issue.params,
      });
    }
    if (!target.success) {
      errors.push({ field: 'targetYear', message: yearMessage(target.error) });
    } else if (baseline.success && target.data <= baseline.data) {
      errors.push({ field: 'targetYear', message: 'kpiAssessments.target.afterBaseline' });
    }
    if (errors.length > 0 || !baseline.success || !target.success || !value.ok) {
      return { ok: false, errors };
    }
    await db.savepoint((tx) =>
      tx.query(
        `insert into public.kpi_targets (city_id, kpi_code, part_key, baseline_year, target_value, target_year)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (city_id, kpi_code, part_key) do update set
           baseline_year = excluded.baseline_year, target_value = excluded.target_value,
           target_year = excluded.target_year
         returning 1`,
        [input.cityId, kpi.code, form.part, baseline.data, value.value, target.data],
      ),
    );
    return { ok: true };
  } catch (error) {
    if (sqlStateOf(error) === '42501') {
      return {
        ok: false,
        errors: [{ field: 'form', message: 'kpiAssessments.forbidden.writeBody' }],
      };
    }
    throw error;
  }
}

function yearMessage(error: z.ZodError) {
  const message = error.issues[0]?.message;
  return message === 'kpiAssessments.target.yearRange'
    ? ('kpiAssessments.target.yearRange' as const)
    : ('kpiAssessments.target.yearInvalid' as const);
}
