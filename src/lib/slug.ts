import { z } from 'zod';

/** A URL slug as the database stores it: lowercase words joined by single hyphens. */
export const slugSchema = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
