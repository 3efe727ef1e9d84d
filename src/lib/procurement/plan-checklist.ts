import type { MessageKey } from '../i18n';

/**
 * The checklist of the "plan" step of the U4SSC Procurement guidelines for
 * smart sustainable cities (2023; /deliverables/procurement-guidelines-for-smart-sustainable-cities-2023),
 * paraphrased as things a plan says. Required items must be done before the
 * plan is published (the database checks the same ones:
 * `procurement_published_plan_complete`); recommended items are shown as
 * still missing, never enforced.
 */
export interface PlanForChecklist {
  problem: string;
  outcomes: readonly { outcome: string; measure: string }[];
  beneficiaries: string;
  themes: readonly string[];
  sdgs: readonly number[];
  kpiCodes: readonly string[];
  budgetAmount: number | null;
  fundingSource: string;
  plannedAwardOn: string | null;
  plannedDeliveryStart: string | null;
  genderAffected: string;
  genderConsultation: string;
  genderCriteria: string;
}

export interface ChecklistItem {
  key: string;
  label: MessageKey;
  done: boolean;
  required: boolean;
}

const filled = (text: string, min = 1) => text.trim().length >= min;

/** The plan step's items, in the order the guidelines walk through them, each done or not. */
export function planChecklist(plan: PlanForChecklist): ChecklistItem[] {
  const item = (key: string, done: boolean, required: boolean): ChecklistItem => ({
    key,
    label: `procurement.checklist.${key}` as MessageKey,
    done,
    required,
  });
  return [
    item('problem', filled(plan.problem, 20), true),
    item('outcomes', plan.outcomes.length > 0, true),
    item(
      'measurable',
      plan.outcomes.length > 0 && plan.outcomes.every((o) => filled(o.measure, 3)),
      false,
    ),
    item('beneficiaries', filled(plan.beneficiaries, 5), true),
    item('themes', plan.themes.length > 0, true),
    item('goals', plan.sdgs.length > 0 || plan.kpiCodes.length > 0, false),
    item('budget', plan.budgetAmount !== null, true),
    item('funding', filled(plan.fundingSource, 3), false),
    item('timeline', plan.plannedAwardOn !== null && plan.plannedDeliveryStart !== null, false),
    item('genderAffected', filled(plan.genderAffected, 5), false),
    item('genderConsultation', filled(plan.genderConsultation, 5), false),
    item('genderCriteria', filled(plan.genderCriteria, 5), false),
  ];
}

/** The required items not done yet: a plan with none left may be published. */
export function missingRequired(items: readonly ChecklistItem[]): ChecklistItem[] {
  return items.filter((entry) => entry.required && !entry.done);
}
