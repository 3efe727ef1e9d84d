import { z } from 'zod';

/**
 * How many people an organization employs, in the bands of the EU definition
 * of micro, small and medium-sized enterprises (Commission Recommendation
 * 2003/361/EC: fewer than 10, fewer than 50, fewer than 250 persons) and one
 * band above. Used for the directory's "size" facet; labels are i18n
 * messages `organizations.size.<key>`.
 */
export const organizationSizeBands = ['micro', 'small', 'medium', 'large'] as const;
export type OrganizationSizeBand = (typeof organizationSizeBands)[number];

export const organizationSizeBandSchema = z.enum(organizationSizeBands, {
  message: 'organizations.error.size',
});
