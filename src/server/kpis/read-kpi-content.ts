import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { kpiSlugFromCode } from '../../lib/kpis/framework';
import { kpiContentSchema, type KpiContent } from '../../lib/kpis/kpi-schema';

export interface KpiContentFile extends KpiContent {
  slug: string;
  contentPath: string;
}

/**
 * Reads `content/kpis/*.yaml` with the same zod schema as the Astro content
 * collection, so CLI scripts (outside Astro) sync exactly what the site
 * builds. Throws one error listing every bad file; a file whose name is not
 * its code's slug is refused, so a URL always names one KPI.
 */
export function readKpiContent(contentDir: string): KpiContentFile[] {
  const folder = path.join(contentDir, 'kpis');
  const problems: string[] = [];
  const items: KpiContentFile[] = [];
  for (const file of fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()) {
    const parsed = kpiContentSchema.safeParse(
      parseYaml(fs.readFileSync(path.join(folder, file), 'utf8')),
    );
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      problems.push(`${file}: ${detail}`);
      continue;
    }
    const slug = file.replace(/\.yaml$/, '');
    if (slug !== kpiSlugFromCode(parsed.data.code)) {
      problems.push(
        `${file}: the file of ${parsed.data.code} must be ${kpiSlugFromCode(parsed.data.code)}.yaml`,
      );
      continue;
    }
    items.push({ ...parsed.data, slug, contentPath: `content/kpis/${file}` });
  }
  if (problems.length > 0) throw new Error(`Invalid KPI content:\n  ${problems.join('\n  ')}`);
  return items.sort((a, b) => a.position - b.position);
}
