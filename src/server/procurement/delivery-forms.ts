import { z } from 'zod';
import { milestoneStatuses } from '../../lib/procurement/vocabulary';
import {
  lineText,
  longText,
  optionalDate,
  requiredAmount,
  requiredCurrency,
  requiredDate,
} from './form-fields';

/**
 * The forms of "manage delivery": the contract, its changes (amendments with
 * a rationale), milestones with their OCDS status, and the closing note.
 */
const contractFields = {
  amount: requiredAmount('procurement.error.amount'),
  currency: requiredCurrency,
  period_start: requiredDate('procurement.error.date'),
  period_end: requiredDate('procurement.error.date'),
  signed_on: optionalDate('procurement.error.date'),
};

export const deliveryFormSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('contract'), ...contractFields }),
  z.object({
    intent: z.literal('contract-change'),
    ...contractFields,
    rationale: longText(2000, 'procurement.error.rationale', 10),
  }),
  z.object({
    intent: z.literal('milestone'),
    milestone: z.union([z.literal(''), z.uuid()]).default(''),
    title: lineText(2, 200, 'procurement.error.milestoneTitle'),
    description: longText(2000, 'procurement.error.milestoneDescription'),
    due_on: requiredDate('procurement.error.date'),
    status: z.enum(milestoneStatuses, { message: 'procurement.error.milestoneStatus' }),
    met_on: optionalDate('procurement.error.date'),
  }),
  z.object({
    intent: z.literal('close'),
    closing_note: longText(4000, 'procurement.error.closingNote', 10),
    lessons_learned: longText(4000, 'procurement.error.lessonsLearned', 10),
  }),
]);
export type DeliveryForm = z.infer<typeof deliveryFormSchema>;
