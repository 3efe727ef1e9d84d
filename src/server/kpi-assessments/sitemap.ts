import { sqlSitemapSource } from '../sitemap/sitemap-source';

/**
 * The KPI snapshots cities chose to share (`/cities/<slug>/kpis/<year>`): one
 * published version per city and year at most, as visitors' policy shows them.
 */
export const sitemapSource = sqlSitemapSource(
  'kpi-snapshots',
  `select '/cities/' || c.slug || '/kpis/' || a.reporting_year as path,
          a.published_at as "lastModified"
     from public.kpi_assessments a
     join public.cities c on c.id = a.city_id
    where a.published_at is not null`,
);
