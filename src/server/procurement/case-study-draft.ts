import { valueBandOf } from '../../lib/taxonomy/bands';
import type { ProcessDetail } from './queries';

/**
 * A closed process as the fields of the case-study form (`/case-studies/new`,
 * the cases domain): "closing note → case study" in one click. The process
 * page posts these fields to that form with `action=save`, so the city's
 * editor lands on a draft case study to complete and submit; it is then
 * reviewed like any other. Nothing is written by the procurement domain, and
 * nothing private enters the draft (bids, scores, questions' askers): only
 * what the process already publishes.
 *
 * The field names are the case-study form's (`parseCaseStudyForm`); each text
 * is cut to that form's limit at a word boundary, so a long plan never turns
 * into a refused draft.
 */
export type CaseStudyDraftFields = Record<string, string | string[]>;

/** The case-study form's limits for the fields filled here. */
export const caseStudyDraftLimits = {
  title: 200,
  summary: 600,
  challenge: 4000,
  solution: 4000,
  fundingNote: 500,
  beneficiaries: 2000,
  genderParticipation: 2000,
  lessons: 4000,
} as const;

/** `text` cut to at most `max` characters, at a word boundary, with an ellipsis when cut. */
export function cutAt(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const room = trimmed.slice(0, max - 1);
  const space = room.search(/\s\S*$/);
  return `${(space > max / 2 ? room.slice(0, space) : room).trimEnd()}…`;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The outcomes wanted, as a bullet list of the case study's body ("outcome — measure"). */
function outcomesDocument(detail: ProcessDetail): string {
  const items = detail.plan.outcomes
    .filter((o) => o.outcome.trim() !== '')
    .map((o) => ({
      type: 'listItem',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: o.measure.trim() ? `${o.outcome} — ${o.measure}` : o.outcome },
          ],
        },
      ],
    }));
  return JSON.stringify({
    type: 'doc',
    content: items.length ? [{ type: 'bulletList', content: items }] : [],
  });
}

/**
 * The draft's fields, or null while the process is not closed (a case study
 * tells what was delivered and learned).
 */
export function caseStudyDraftOf(detail: ProcessDetail): CaseStudyDraftFields | null {
  const { plan, award, contract } = detail;
  if (!plan.closedAt) return null;
  const limits = caseStudyDraftLimits;
  const startedOn = contract?.periodStart ?? plan.plannedDeliveryStart ?? '';
  const closedOn = isoDay(plan.closedAt);
  const endedOn = startedOn && closedOn < startedOn ? '' : closedOn;
  const usd = award?.valueUsd ?? plan.budgetUsd;
  const band = usd === null ? null : valueBandOf(usd);
  const gender = [plan.genderAffected, plan.genderConsultation]
    .map((text) => text.trim())
    .filter(Boolean)
    .join('\n\n');
  const fields: CaseStudyDraftFields = {
    action: 'save',
    lead_city: plan.cityId,
    title: cutAt(plan.title, limits.title),
    summary: cutAt(plan.problem, limits.summary),
    language: 'en',
    project_status: 'completed',
    started_on: startedOn,
    ended_on: endedOn,
    challenge: cutAt(plan.problem, limits.challenge),
    solution: cutAt(plan.closingNote, limits.solution),
    body: outcomesDocument(detail),
    themes: [...plan.themes],
    sdg_goals: plan.sdgs.map(String),
    kpi_codes: plan.kpiCodes.join(', '),
    budget_band: band ?? '',
    funding_note: cutAt(plan.fundingSource, limits.fundingNote),
    beneficiaries: cutAt(plan.beneficiaries, limits.beneficiaries),
    gender_participation: cutAt(gender, limits.genderParticipation),
    lessons: cutAt(plan.lessonsLearned, limits.lessons),
  };
  // The supplier, when it is in the directory, is the project's implementer.
  if (award?.organizationId) {
    fields.partner_org_1 = award.organizationId;
    fields.partner_role_1 = 'implementer';
  }
  return fields;
}
