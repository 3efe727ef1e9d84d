import { z } from 'zod';
import { optionalText } from './variables';

/**
 * Part "procurement" (procurement): the open contracting data. Every process
 * gets an OCDS id (`ocid`) made of this prefix and its own id, fixed when it
 * is opened. A real deployment registers its prefix with the Open Contracting
 * Partnership (https://standard.open-contracting.org/1.1/en/schema/identifiers/);
 * the default marks local and demo data.
 */
export const procurementVariables = z.object({
  OCDS_PREFIX: optionalText.pipe(
    z
      .string()
      .regex(
        /^ocds-[a-z0-9]{6}-$/,
        'must be "ocds-", six lower-case letters or digits, and "-" (e.g. ocds-abc123-)',
      )
      .optional(),
  ),
});

export interface ProcurementConfig {
  /** `ocds-xxxxxx-`, prepended to a process's id to make its ocid. */
  ocdsPrefix: string;
}

/** The prefix for local and demo data when OCDS_PREFIX is unset. */
export const defaultOcdsPrefix = 'ocds-u4sscx-';

export function buildProcurementConfig(
  vars: z.output<typeof procurementVariables>,
): ProcurementConfig {
  return { ocdsPrefix: vars.OCDS_PREFIX ?? defaultOcdsPrefix };
}
