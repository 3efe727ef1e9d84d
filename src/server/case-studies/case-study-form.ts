import { z } from 'zod';
import {
  caseStudyLanguages,
  fundingSources,
  keyOf,
  partnerRoles,
  projectStatuses,
  sexDisaggregationOptions,
  type FundingSource,
  type PartnerRole,
  type ProjectStatus,
  type SexDisaggregation,
} from '../../lib/case-studies/vocabulary';
import type { MessageKey } from '../../lib/i18n';
import { kpiCodeSchema } from '../../lib/kpis/framework';
import type { RichTextDocument } from '../../lib/rich-text/document-schema';
import { richTextFieldSchema } from '../../lib/rich-text/rich-text-field';
import { goalOfSdgCode, sdgGoalSchema, sdgTargetSchema } from '../../lib/sdgs';
import { slugSchema } from '../../lib/slug';
import { valueBandSchema, type ValueBand } from '../../lib/taxonomy/bands';
import { themeKeys, themeSchema, type ThemeKey } from '../../lib/taxonomy/themes';
import { isMultiLineText, isSingleLineText } from '../../lib/text/control-characters';
import type { FieldError } from '../forms';

/**
 * The case-study form: every field with its limit, checked together so the
 * editor sees every problem at once, each beside its field, with the refused
 * value named. What only the database knows (that a KPI code is in the
 * catalogue, an organization verified, a deliverable published) is checked
 * by the use case with the same messages (save-case-study.ts).
 */

/** How many rows the form offers for each repeated group. */
export const formRows = { results: 10, partners: 8, partnerCities: 5 } as const;

/** Limits shared by the form's `maxlength` attributes and the checks below. */
export const caseStudyLimits = {
  title: 200,
  summary: 600,
  challenge: 4000,
  solution: 4000,
  resultLabel: 160,
  resultUnit: 40,
  fundingNote: 500,
  technologies: 12,
  technology: 60,
  sdgTargets: 40,
  kpis: 30,
  deliverables: 10,
  beneficiaries: 2000,
  genderParticipation: 2000,
  lessons: 4000,
  transferability: 4000,
  contactRole: 200,
  contribution: 300,
} as const;

export interface CaseStudyResult {
  label: string;
  value: number;
  unit: string;
  baseline: number | null;
  measuredOn: string;
}

export interface CaseStudyPartnerInput {
  organizationId: string;
  role: PartnerRole;
  contribution: string;
}

/** A validated form, before the database checks its references. */
export interface CaseStudyInput {
  title: string;
  summary: string;
  language: string;
  projectStatus: ProjectStatus;
  startedOn: string | null;
  endedOn: string | null;
  challenge: string;
  solution: string;
  results: CaseStudyResult[];
  body: RichTextDocument;
  sdgGoals: number[];
  sdgTargets: string[];
  themes: ThemeKey[];
  kpiCodes: string[];
  technologies: string[];
  deliverableSlugs: string[];
  partners: CaseStudyPartnerInput[];
  partnerCitySlugs: string[];
  budgetBand: ValueBand | null;
  fundingSources: FundingSource[];
  fundingNote: string;
  beneficiaries: string;
  sexDisaggregated: SexDisaggregation;
  genderParticipation: string;
  lessons: string;
  transferability: string;
  contactRole: string;
}

/** The raw fields as `readForm` gives them: one value, or several for checkbox groups. */
export type RawFields = Record<string, string | string[] | undefined>;

const first = (fields: RawFields, name: string): string => {
  const value = fields[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};
const all = (fields: RawFields, name: string): string[] => {
  const value = fields[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (item) => item.trim() !== '',
  );
};
/** "a, b; c" or one per line → ["a", "b", "c"]. */
export const splitList = (text: string): string[] =>
  text
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A real calendar date written YYYY-MM-DD, between 1990 and 2100. */
export function isValidDate(text: string): boolean {
  const match = isoDate.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1990 &&
    year <= 2100 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** A figure as people type it: digits, an optional minus and a full stop for decimals. */
export function parseFigure(text: string): number | null {
  const cleaned = text.trim().replace(/[\s\u00a0_]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) && Math.abs(value) < 1e15 ? value : null;
}

/**
 * Parses and checks the form. Returns the input, or every problem found,
 * each on its field (`result_value_3`, `partner_org_2`…), with the refused
 * value in `params.value` where there is one.
 */
export function parseCaseStudyForm(
  fields: RawFields,
): { ok: true; input: CaseStudyInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: string, message: MessageKey, value?: string) =>
    errors.push({ field, message, ...(value !== undefined ? { params: { value } } : {}) });
  const failMax = (field: string, message: MessageKey, max: number) =>
    errors.push({ field, message, params: { max } });

  const text = (name: string, max: number, options: { multiLine?: boolean } = {}) => {
    const value = first(fields, name).trim();
    if (value.length > max) failMax(name, 'caseStudy.error.tooLong', max);
    else if (!(options.multiLine ? isMultiLineText(value) : isSingleLineText(value)))
      fail(name, 'text.error.controlCharacters');
    return value;
  };

  const title = text('title', caseStudyLimits.title);
  if (title.length < 3 && !errors.some((e) => e.field === 'title'))
    fail('title', 'caseStudy.error.title');
  const summary = text('summary', caseStudyLimits.summary, { multiLine: true });
  const challenge = text('challenge', caseStudyLimits.challenge, { multiLine: true });
  const solution = text('solution', caseStudyLimits.solution, { multiLine: true });
  const fundingNote = text('funding_note', caseStudyLimits.fundingNote, { multiLine: true });
  const beneficiaries = text('beneficiaries', caseStudyLimits.beneficiaries, { multiLine: true });
  const genderParticipation = text('gender_participation', caseStudyLimits.genderParticipation, {
    multiLine: true,
  });
  const lessons = text('lessons', caseStudyLimits.lessons, { multiLine: true });
  const transferability = text('transferability', caseStudyLimits.transferability, {
    multiLine: true,
  });
  const contactRole = text('contact_role', caseStudyLimits.contactRole);

  const one = <T>(name: string, schema: z.ZodType<T>, fallback: T, message: MessageKey): T => {
    const raw = first(fields, name);
    if (raw.trim() === '') return fallback;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    fail(name, message, raw);
    return fallback;
  };
  const language = one(
    'language',
    keyOf(caseStudyLanguages, 'caseStudy.error.language'),
    'en',
    'caseStudy.error.language',
  );
  const projectStatus = one(
    'project_status',
    keyOf(projectStatuses, 'caseStudy.error.projectStatus'),
    'in-progress' as ProjectStatus,
    'caseStudy.error.projectStatus',
  );
  const sexDisaggregated = one(
    'sex_disaggregated',
    keyOf(sexDisaggregationOptions, 'caseStudy.error.sexDisaggregated'),
    'unknown' as SexDisaggregation,
    'caseStudy.error.sexDisaggregated',
  );
  const budgetBand = one<ValueBand | null>(
    'budget_band',
    valueBandSchema,
    null,
    'band.error.value',
  );

  const date = (name: string) => {
    const raw = first(fields, name).trim();
    if (raw === '') return null;
    if (!isValidDate(raw)) {
      fail(name, 'caseStudy.error.date', raw);
      return null;
    }
    return raw;
  };
  const startedOn = date('started_on');
  const endedOn = date('ended_on');
  if (startedOn && endedOn && endedOn < startedOn)
    fail('ended_on', 'caseStudy.error.endBeforeStart');

  // Checkbox groups and lists: each value checked on its own, the first bad one named.
  const list = <T>(
    name: string,
    values: string[],
    schema: z.ZodType<T>,
    message: MessageKey,
    max: number,
  ): T[] => {
    const out: T[] = [];
    for (const value of values) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        fail(name, message, value);
        return [];
      }
      if (!out.includes(parsed.data)) out.push(parsed.data);
    }
    if (out.length > max) {
      failMax(name, 'caseStudy.error.tooMany', max);
      return [];
    }
    return out;
  };
  const themes = list('themes', all(fields, 'themes'), themeSchema, 'theme.error.unknown', 20);
  const sdgTargets = list(
    'sdg_targets',
    splitList(first(fields, 'sdg_targets')),
    sdgTargetSchema,
    'sdg.error.target',
    caseStudyLimits.sdgTargets,
  );
  const chosenGoals = list(
    'sdg_goals',
    all(fields, 'sdg_goals'),
    sdgGoalSchema,
    'sdg.error.goal',
    17,
  );
  // A target implies its goal: 11.2 adds SDG 11 if it was not ticked.
  const sdgGoals = [...new Set([...chosenGoals, ...sdgTargets.map(goalOfSdgCode)])].sort(
    (a, b) => a - b,
  );
  const kpiCodes = list(
    'kpi_codes',
    splitList(first(fields, 'kpi_codes')).map((code) => code.replace(/\s+/g, '')),
    kpiCodeSchema,
    'kpis.error.code',
    caseStudyLimits.kpis,
  );
  const technologies: string[] = [];
  for (const item of splitList(first(fields, 'technologies'))) {
    if (item.length > caseStudyLimits.technology || !isSingleLineText(item)) {
      fail('technologies', 'caseStudy.error.technology', item);
      break;
    }
    if (!technologies.some((t) => t.toLowerCase() === item.toLowerCase())) technologies.push(item);
  }
  if (technologies.length > caseStudyLimits.technologies)
    failMax('technologies', 'caseStudy.error.tooMany', caseStudyLimits.technologies);
  const deliverableSlugs = list(
    'deliverables',
    all(fields, 'deliverables'),
    slugSchema,
    'caseStudy.error.deliverable',
    caseStudyLimits.deliverables,
  );
  const fundingSourceList = list(
    'funding_sources',
    all(fields, 'funding_sources'),
    keyOf(fundingSources, 'caseStudy.error.fundingSource'),
    'caseStudy.error.fundingSource',
    fundingSources.length,
  );

  const results: CaseStudyResult[] = [];
  for (let row = 1; row <= formRows.results; row += 1) {
    const label = first(fields, `result_label_${row}`).trim();
    const valueText = first(fields, `result_value_${row}`).trim();
    const unit = first(fields, `result_unit_${row}`).trim();
    const baselineText = first(fields, `result_baseline_${row}`).trim();
    const measuredOn = first(fields, `result_date_${row}`).trim();
    if (!label && !valueText && !unit && !baselineText && !measuredOn) continue;
    const before = errors.length;
    if (!label) fail(`result_label_${row}`, 'caseStudy.error.resultLabel');
    else if (label.length > caseStudyLimits.resultLabel || !isSingleLineText(label))
      failMax(`result_label_${row}`, 'caseStudy.error.tooLong', caseStudyLimits.resultLabel);
    const value = parseFigure(valueText);
    if (value === null) fail(`result_value_${row}`, 'caseStudy.error.number', valueText);
    if (!unit) fail(`result_unit_${row}`, 'caseStudy.error.resultUnit');
    else if (unit.length > caseStudyLimits.resultUnit || !isSingleLineText(unit))
      failMax(`result_unit_${row}`, 'caseStudy.error.tooLong', caseStudyLimits.resultUnit);
    const baseline = baselineText === '' ? null : parseFigure(baselineText);
    if (baselineText !== '' && baseline === null)
      fail(`result_baseline_${row}`, 'caseStudy.error.number', baselineText);
    if (!isValidDate(measuredOn)) fail(`result_date_${row}`, 'caseStudy.error.date', measuredOn);
    if (errors.length === before)
      results.push({ label, value: value!, unit, baseline, measuredOn });
  }

  const partners: CaseStudyPartnerInput[] = [];
  const uuid = z.uuid();
  for (let row = 1; row <= formRows.partners; row += 1) {
    const organizationId = first(fields, `partner_org_${row}`).trim();
    const roleText = first(fields, `partner_role_${row}`).trim();
    const contribution = first(fields, `partner_contribution_${row}`).trim();
    if (!organizationId && !contribution) continue;
    if (!uuid.safeParse(organizationId).success) {
      fail(
        `partner_org_${row}`,
        organizationId ? 'caseStudy.error.partner' : 'caseStudy.error.partnerMissing',
        organizationId || undefined,
      );
      continue;
    }
    const role = keyOf(partnerRoles, 'caseStudy.error.partnerRole').safeParse(roleText);
    if (!role.success) {
      fail(`partner_role_${row}`, 'caseStudy.error.partnerRole', roleText);
      continue;
    }
    if (contribution.length > caseStudyLimits.contribution || !isSingleLineText(contribution)) {
      failMax(
        `partner_contribution_${row}`,
        'caseStudy.error.tooLong',
        caseStudyLimits.contribution,
      );
      continue;
    }
    if (partners.some((p) => p.organizationId === organizationId)) {
      fail(`partner_org_${row}`, 'caseStudy.error.partnerTwice');
      continue;
    }
    partners.push({ organizationId, role: role.data, contribution });
  }

  const partnerCitySlugs: string[] = [];
  for (let row = 1; row <= formRows.partnerCities; row += 1) {
    const slug = first(fields, `partner_city_${row}`).trim();
    if (!slug) continue;
    if (!slugSchema.safeParse(slug).success) {
      fail(`partner_city_${row}`, 'caseStudy.error.city', slug);
      continue;
    }
    if (!partnerCitySlugs.includes(slug)) partnerCitySlugs.push(slug);
  }

  const body = richTextFieldSchema.safeParse(first(fields, 'body'));
  if (!body.success) {
    const issue = body.error.issues[0];
    fail(
      'body',
      issue?.message === 'richText.error.tooLong'
        ? 'richText.error.tooLong'
        : 'richText.error.invalid',
    );
  }

  if (errors.length > 0 || !body.success) return { ok: false, errors };
  return {
    ok: true,
    input: {
      title,
      summary,
      language,
      projectStatus,
      startedOn,
      endedOn,
      challenge,
      solution,
      results,
      body: body.data as RichTextDocument,
      sdgGoals,
      sdgTargets,
      themes: themeKeys.filter((key) => themes.includes(key)),
      kpiCodes,
      technologies,
      deliverableSlugs,
      partners,
      partnerCitySlugs,
      budgetBand,
      fundingSources: fundingSources.filter((key) => fundingSourceList.includes(key)),
      fundingNote,
      beneficiaries,
      sexDisaggregated,
      genderParticipation,
      lessons,
      transferability,
      contactRole,
    },
  };
}

/**
 * What a reviewer needs before a case study can be submitted (the database
 * refuses the same with `case_studies_complete_for_review`): a summary, the
 * challenge, the solution, at least one theme and one SDG.
 */
export function missingForReview(input: CaseStudyInput): FieldError[] {
  const missing: FieldError[] = [];
  if (!input.summary) missing.push({ field: 'summary', message: 'caseStudy.error.needSummary' });
  if (!input.challenge)
    missing.push({ field: 'challenge', message: 'caseStudy.error.needChallenge' });
  if (!input.solution) missing.push({ field: 'solution', message: 'caseStudy.error.needSolution' });
  if (input.themes.length === 0)
    missing.push({ field: 'themes', message: 'caseStudy.error.needTheme' });
  if (input.sdgGoals.length === 0)
    missing.push({ field: 'sdg_goals', message: 'caseStudy.error.needSdg' });
  return missing;
}

/** The body schema the routes read with: every field a text or a list; the use case checks them. */
export const caseStudyFieldsSchema = z.record(
  z.string(),
  z.union([z.string(), z.array(z.string())]),
);

/**
 * A stored case study as the form shows it: one value per field, and the
 * checkbox groups as lists.
 */
export function caseStudyFormValues(caseStudy: {
  title: string;
  summary: string;
  language: string;
  projectStatus: string;
  startedOn: string | null;
  endedOn: string | null;
  challenge: string;
  solution: string;
  results: CaseStudyResult[];
  sdgGoals: number[];
  sdgTargets: string[];
  themes: string[];
  kpis: { code: string }[];
  technologies: string[];
  deliverables: { slug: string }[];
  partners: { organizationId: string; role: string; contribution: string }[];
  partnerCities: { slug: string }[];
  budgetBand: string | null;
  fundingSources: string[];
  fundingNote: string;
  beneficiaries: string;
  sexDisaggregated: string;
  genderParticipation: string;
  lessons: string;
  transferability: string;
  contactRole: string;
}): { values: Record<string, string>; lists: Record<string, string[]> } {
  const values: Record<string, string> = {
    title: caseStudy.title,
    summary: caseStudy.summary,
    language: caseStudy.language,
    project_status: caseStudy.projectStatus,
    started_on: caseStudy.startedOn ?? '',
    ended_on: caseStudy.endedOn ?? '',
    challenge: caseStudy.challenge,
    solution: caseStudy.solution,
    sdg_targets: caseStudy.sdgTargets.join(', '),
    kpi_codes: caseStudy.kpis.map((k) => k.code).join(', '),
    technologies: caseStudy.technologies.join(', '),
    budget_band: caseStudy.budgetBand ?? '',
    funding_note: caseStudy.fundingNote,
    beneficiaries: caseStudy.beneficiaries,
    sex_disaggregated: caseStudy.sexDisaggregated,
    gender_participation: caseStudy.genderParticipation,
    lessons: caseStudy.lessons,
    transferability: caseStudy.transferability,
    contact_role: caseStudy.contactRole,
  };
  caseStudy.results.forEach((result, index) => {
    const row = index + 1;
    values[`result_label_${row}`] = result.label;
    values[`result_value_${row}`] = String(result.value);
    values[`result_unit_${row}`] = result.unit;
    values[`result_baseline_${row}`] = result.baseline === null ? '' : String(result.baseline);
    values[`result_date_${row}`] = result.measuredOn;
  });
  caseStudy.partners.forEach((partner, index) => {
    values[`partner_org_${index + 1}`] = partner.organizationId;
    values[`partner_role_${index + 1}`] = partner.role;
    values[`partner_contribution_${index + 1}`] = partner.contribution;
  });
  caseStudy.partnerCities.forEach((city, index) => {
    values[`partner_city_${index + 1}`] = city.slug;
  });
  return {
    values,
    lists: {
      sdg_goals: caseStudy.sdgGoals.map(String),
      themes: caseStudy.themes,
      deliverables: caseStudy.deliverables.map((d) => d.slug),
      funding_sources: caseStudy.fundingSources,
    },
  };
}
