import { z } from 'zod';

/**
 * The props of StatusBadge.astro, built once when the module loads (an
 * .astro file would build, and zod compile, the schema on every render).
 */
export const statusBadgePropsSchema = z.object({
  status: z.enum(['demo', 'unconfirmed', 'draft', 'pending', 'verified', 'info']),
  label: z.string().optional(),
});
