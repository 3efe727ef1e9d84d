import { z } from 'zod';
import { canonicalTimeZone, wallTimeToInstant } from '../../lib/time-zone';
import { minimumNoticeDays } from '../../lib/procurement/vocabulary';
import { isSingleLineText } from '../../lib/text/control-characters';
import type { FieldError } from '../forms';
import { fieldErrorsWithParams, longText, webUrl } from './form-fields';

/** Fixed rows of the notice form (it works without JavaScript). */
export const criterionRows = 6;
export const documentRows = 3;

const rowFields = (count: number, make: (i: number) => [string, z.ZodType][]) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => make(i + 1)).flat()) as Record<
    string,
    z.ZodType
  >;

const optionalLine = (
  max: number,
  message: 'procurement.error.criterionName' | 'procurement.error.documentTitle',
) =>
  z
    .string()
    .trim()
    .max(max, { message })
    .refine(isSingleLineText, { message: 'text.error.controlCharacters' })
    .default('');

/**
 * The market-engagement notice: the problem statement, questions for the
 * market, the deadline, documents, and the evaluation criteria with their
 * weights. The same form amends a published notice, with a rationale.
 */
export const noticeFormSchema = z.object({
  problem_statement: longText(4000, 'procurement.error.problemStatement', 20),
  market_questions: longText(4000, 'procurement.error.marketQuestions'),
  deadline: z
    .string({ message: 'procurement.error.deadline' })
    .trim()
    .min(1, { message: 'procurement.error.deadline' }),
  deadline_tz: z
    .string()
    .trim()
    .default('UTC')
    .transform((value, ctx) => {
      const zone = canonicalTimeZone(value);
      if (zone) return zone;
      ctx.addIssue({ code: 'custom', message: 'events.form.error.timeZone' });
      return z.NEVER;
    }),
  short_deadline_reason: longText(1000, 'procurement.error.shortDeadlineReason'),
  rationale: longText(2000, 'procurement.error.rationale'),
  ...rowFields(documentRows, (i) => [
    [`document_title_${i}`, optionalLine(200, 'procurement.error.documentTitle')],
    [
      `document_url_${i}`,
      z.union([z.literal(''), webUrl('procurement.error.documentUrl')]).default(''),
    ],
  ]),
  ...rowFields(criterionRows, (i) => [
    [`criterion_name_${i}`, optionalLine(200, 'procurement.error.criterionName')],
    [`criterion_description_${i}`, longText(1000, 'procurement.error.criterionDescription')],
    [
      `criterion_weight_${i}`,
      z
        .string()
        .trim()
        .default('')
        .refine((value) => value === '' || /^\d{1,3}$/.test(value), {
          message: 'procurement.error.weight',
        }),
    ],
    [`criterion_gender_${i}`, z.literal('on').optional()],
  ]),
});

export interface CriterionInput {
  position: number;
  name: string;
  description: string;
  weight: number;
  genderResponsive: boolean;
}

export interface NoticeInput {
  problemStatement: string;
  marketQuestions: string;
  deadline: Date;
  shortDeadlineReason: string;
  documents: { title: string; url: string }[];
  criteria: CriterionInput[];
  /** Why a published notice is amended ('' for a draft). */
  rationale: string;
}

/**
 * Validates the notice form at `now`: a deadline in the past, weights that do
 * not add up to 100, a criterion without a name or weight, a document
 * without an address are each an error on their field.
 */
export function parseNoticeForm(
  fields: Record<string, unknown>,
  now: Date,
): { ok: true; input: NoticeInput } | { ok: false; errors: FieldError[] } {
  const parsed = noticeFormSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, errors: fieldErrorsWithParams(parsed.error) };
  const form = parsed.data as Record<string, string | undefined> & {
    deadline: string;
    deadline_tz: string;
  };
  const errors: FieldError[] = [];
  const deadline = wallTimeToInstant(form.deadline, form.deadline_tz);
  if (!deadline) errors.push({ field: 'deadline', message: 'procurement.error.deadline' });
  else if (deadline.getTime() <= now.getTime())
    errors.push({ field: 'deadline', message: 'procurement.error.deadlinePast' });

  const documents: NoticeInput['documents'] = [];
  for (let i = 1; i <= documentRows; i += 1) {
    const title = form[`document_title_${i}`] ?? '';
    const url = form[`document_url_${i}`] ?? '';
    if (!title && !url) continue;
    if (!url) errors.push({ field: `document_url_${i}`, message: 'procurement.error.documentUrl' });
    else if (!title)
      errors.push({ field: `document_title_${i}`, message: 'procurement.error.documentTitle' });
    else documents.push({ title, url });
  }

  const criteria: CriterionInput[] = [];
  for (let i = 1; i <= criterionRows; i += 1) {
    const name = form[`criterion_name_${i}`] ?? '';
    const weight = form[`criterion_weight_${i}`] ?? '';
    const description = form[`criterion_description_${i}`] ?? '';
    if (!name && !weight && !description) continue;
    if (name.length < 2) {
      errors.push({ field: `criterion_name_${i}`, message: 'procurement.error.criterionName' });
      continue;
    }
    const value = Number(weight);
    if (!weight || !Number.isInteger(value) || value < 1 || value > 100) {
      errors.push({ field: `criterion_weight_${i}`, message: 'procurement.error.weight' });
      continue;
    }
    criteria.push({
      position: criteria.length + 1,
      name,
      description,
      weight: value,
      genderResponsive: form[`criterion_gender_${i}`] === 'on',
    });
  }
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (criteria.length === 0)
    errors.push({ field: 'criterion_name_1', message: 'procurement.error.criteriaMissing' });
  else if (total !== 100 && !errors.some((e) => e.field.startsWith('criterion_')))
    errors.push({
      field: 'criterion_weight_1',
      message: 'procurement.error.weightsTotal',
      params: { total },
    });

  if (errors.length > 0 || !deadline) return { ok: false, errors };
  return {
    ok: true,
    input: {
      problemStatement: form.problem_statement ?? '',
      marketQuestions: form.market_questions ?? '',
      deadline,
      shortDeadlineReason: form.short_deadline_reason ?? '',
      documents,
      criteria,
      rationale: form.rationale ?? '',
    },
  };
}

/** True when the notice would close sooner than 28 days after `publishedAt`. */
export function isShortNotice(deadline: Date, publishedAt: Date): boolean {
  return deadline.getTime() < publishedAt.getTime() + minimumNoticeDays * 24 * 3600 * 1000;
}

/**
 * The problems that stop a notice from being published at `now`: open for
 * less than 28 days without a reason (ten characters or more).
 */
export function publicationProblems(notice: NoticeInput, now: Date): FieldError[] {
  if (isShortNotice(notice.deadline, now) && notice.shortDeadlineReason.trim().length < 10) {
    return [
      {
        field: 'short_deadline_reason',
        message: 'procurement.error.shortDeadline',
        params: { days: minimumNoticeDays },
      },
    ];
  }
  return [];
}
