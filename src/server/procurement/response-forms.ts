import { z } from 'zod';
import { idField, longText } from './form-fields';

/**
 * What an organization sends about an open notice: a question, or an
 * expression of interest (optionally agreeing to be named as an interested
 * party in the open contracting data). One page, two forms (`intent`).
 */
export const responseFormSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('question'),
    organization: idField('procurement.error.organization'),
    body: longText(2000, 'procurement.error.question', 5),
  }),
  z.object({
    intent: z.literal('interest'),
    organization: idField('procurement.error.organization'),
    message: longText(4000, 'procurement.error.interest', 10),
    listed_publicly: z.literal('on').optional(),
  }),
]);
export type ResponseForm = z.infer<typeof responseFormSchema>;

/** The city's answer to a question, published with the question as the city words it. */
export const answerFormSchema = z.object({
  question_id: z.union([z.literal(''), z.uuid()]).default(''),
  question: longText(2000, 'procurement.error.question', 5),
  answer: longText(4000, 'procurement.error.answer', 2),
});
