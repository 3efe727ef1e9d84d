import { z } from 'zod';
import { pageSchema } from './query-params';
import { slugSchema } from '../slug';

const schema = z.object({ hub: slugSchema.optional(), page: pageSchema });

/** Query parameters of `/news` and `/events` (hub filter and page); a bad value is dropped and named. */
export function parseHubListingFilters(raw: Record<string, string | string[] | undefined>) {
  const invalid: string[] = [];
  const first = (key: string) => (Array.isArray(raw[key]) ? raw[key][0] : raw[key]);
  const hub = first('hub');
  const parsedHub = hub === undefined ? undefined : slugSchema.safeParse(hub);
  if (parsedHub && !parsedHub.success) invalid.push('hub');
  return {
    filters: schema.parse({
      hub: parsedHub?.success ? parsedHub.data : undefined,
      page: first('page'),
    }),
    invalid,
  };
}
