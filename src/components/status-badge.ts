import { z } from 'zod';

/**
 * The props of StatusBadge.astro, validated when it renders (a friendly error
 * for a wrong status). Built once here, not in the component's frontmatter,
 * which runs on every render: a badge is drawn dozens of times per listing.
 */
export const statusBadgePropsSchema = z.object({
  status: z.enum(['demo', 'unconfirmed', 'draft', 'pending', 'verified', 'info']),
  label: z.string().optional(),
});

export type BadgeStatus = z.infer<typeof statusBadgePropsSchema>['status'];

/** One style per status (DESIGN.md): text and border, never colour alone. */
export const statusBadgeStyles: Readonly<Record<BadgeStatus, string>> = {
  demo: 'bg-demo-50 text-demo-800 border-demo-800',
  unconfirmed: 'bg-warning-50 text-warning-800 border-warning-800',
  draft: 'bg-gray-100 text-gray-800 border-gray-700',
  pending: 'bg-warning-50 text-warning-800 border-warning-800',
  verified: 'bg-success-50 text-success-700 border-success-700',
  info: 'bg-info-50 text-info-800 border-info-800',
};
