/**
 * Generates the KPI catalogue, `content/kpis/*.yaml`, from the project's
 * reference research file `u4ssc-reference.json` (group `kpiFramework`).
 *
 *   npm run kpis:generate                    # reads the reference, rewrites content/kpis
 *   npm run kpis:generate -- --check         # exits 1 if content/kpis is not what it would write
 *   npm run kpis:generate -- --reference /path/to/u4ssc-reference.json
 *
 * Where it reads from, first found: `--reference <path>`, `$KPI_REFERENCE_PATH`,
 * `../shared/reference/u4ssc-reference.json` and `../../shared/reference/…`
 * (relative to the repository). The reference lives outside the repository
 * and is absent in some checkouts, so the generated files are committed; the
 * site and the seed read only `content/kpis`.
 *
 * What it keeps and what it leaves out:
 * - code, name, type (core/advanced), unit, category, smart/sustainable when given;
 * - `uncertain`/`unitUncertain` become `unitUncertain` (shown as "Unconfirmed");
 * - `sdgs` (SDG indicators seen in the U4SSC Verification Manual) become
 *   confirmed links at indicator level, with that source;
 * - `sdgGoalsInferred` (goal tags assigned by topic by the reference's
 *   compilers, not from ITU text) become `indicative` links;
 * - `confirmedIn` ("URL (title)") becomes a source with title and URL;
 * - `note` (the researchers' working notes) is never copied.
 */
import fs from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { stringify } from 'yaml';
import { z } from 'zod';
import { kpiCategories, kpiSlugFromCode, kpiSubDimensions } from '../src/lib/kpis/framework';
import { kpiContentSchema, type KpiContent, type KpiSdgLink } from '../src/lib/kpis/kpi-schema';
import type { KpiMeasure, KpiPart } from '../src/lib/kpis/measures';
import { themeKeys } from '../src/lib/taxonomy/themes';

const rootDir = path.resolve(import.meta.dirname, '..');
const outputDir = path.join(rootDir, 'content', 'kpis');

const referenceKpiSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    type: z.enum(['core', 'advanced']),
    unit: z.string(),
    category: z.string(),
    smartOrSustainable: z.enum(['smart', 'sustainable']).optional(),
    sdgs: z.array(z.string()).optional(),
    sdgGoalsInferred: z.array(z.string()).optional(),
    confirmedIn: z.string().optional(),
    uncertain: z.boolean().optional(),
    unitUncertain: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();

const referenceSchema = z.object({
  meta: z.object({ notes: z.array(z.string()) }),
  kpiFramework: z.object({
    totalKpis: z.number(),
    dimensions: z.array(
      z.object({
        name: z.string(),
        code: z.string(),
        subdimensions: z.array(
          z.object({
            name: z.string(),
            codePrefix: z.string(),
            categories: z.array(z.string()),
            kpis: z.array(referenceKpiSchema),
          }),
        ),
      }),
    ),
  }),
});
type ReferenceKpi = z.infer<typeof referenceKpiSchema>;

/** The source of confirmed SDG links, as the reference's notes name it. */
const verificationManual = {
  title: 'U4SSC KPIs Verification Manual: A guide for verifiers (2022)',
  url: 'https://www.itu.int/en/publications/Documents/tsb/2022-U4SSC-KPIs-Verification-Manual-A-guide-for-verifiers/',
};

/**
 * KPIs the reference's notes list as multi-valued in reporting, with their
 * parts in the order the unit names them.
 */
const partsByCode: Readonly<Record<string, { kind: KpiMeasure['kind']; parts: KpiPart[] }>> = {
  'EC:ICT:ICT:4C': {
    kind: 'percentage',
    parts: [
      { key: '3g', label: '3G', kind: 'percentage' },
      { key: '4g', label: '4G', kind: 'percentage' },
    ],
  },
  'EC:ICT:PS:1A': {
    kind: 'percentage',
    parts: [
      { key: 'share', label: 'Share of inventoried datasets published', kind: 'percentage' },
      { key: 'number', label: 'Number of datasets published', kind: 'count' },
    ],
  },
  'EC:I:T:4A': {
    kind: 'percentage',
    parts: ['Private vehicle', 'Public transport', 'Walking', 'Cycling', 'Para-transport'].map(
      (label) => ({ key: keyOf(label), label, kind: 'percentage' as const }),
    ),
  },
  'EC:I:UP:2A': {
    kind: 'yes-no',
    parts: ['Compact', 'Connected', 'Integrated', 'Inclusive', 'Resilient'].map((label) => ({
      key: keyOf(label),
      label,
      kind: 'yes-no' as const,
    })),
  },
  'EN:EN:AQ:1C': {
    kind: 'amount',
    parts: ['PM2.5', 'PM10', 'NO2', 'SO2', 'O3'].map((label) => ({
      key: keyOf(label),
      label,
      kind: 'amount' as const,
    })),
  },
  'EN:EN:WS:4C': {
    kind: 'percentage',
    parts: ['Primary', 'Secondary', 'Tertiary'].map((label) => ({
      key: keyOf(label),
      label,
      kind: 'percentage' as const,
    })),
  },
  'EN:EN:WA:1C': {
    kind: 'percentage',
    parts: ['Landfill', 'Burnt', 'Incinerated', 'Open dump', 'Recycled', 'Other'].map((label) => ({
      key: keyOf(label),
      label,
      kind: 'percentage' as const,
    })),
  },
};

function keyOf(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** How the value is reported, read from the unit's wording. */
function measureOf(kpi: ReferenceKpi): KpiMeasure {
  const multi = partsByCode[kpi.code];
  if (multi) return { kind: multi.kind, parts: multi.parts };
  const unit = kpi.unit.toLowerCase();
  if (unit.startsWith('%')) return { kind: 'percentage' };
  if (unit.startsWith('yes/no')) return { kind: 'yes-no' };
  if (unit.startsWith('number of')) return { kind: 'count' };
  if (/per 100,000/.test(unit)) return { kind: 'rate' };
  const range = /\((\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)\)/.exec(unit);
  if (unit.startsWith('coefficient') || unit.startsWith('ratio')) {
    return range ? { kind: 'ratio', max: Number(range[2]) } : { kind: 'ratio' };
  }
  return { kind: 'amount' };
}

/** "https://… (Title, 2022)" → { url, title }. */
function sourceOf(confirmedIn: string): { title: string; url: string } {
  const match = /^(https?:\/\/\S+)\s+\((.+)\)$/.exec(confirmedIn.trim());
  if (!match) throw new Error(`Cannot read the source "${confirmedIn}"`);
  const title = match[2]!
    .replace(/^flipbook '(.+)', (\d{4})$/, '$1 ($2)')
    .replace(/, (\d{4})$/, ' ($1)');
  return { url: match[1]!, title };
}

function sdgLinksOf(kpi: ReferenceKpi): KpiSdgLink[] {
  const confirmed = (kpi.sdgs ?? []).map((indicator): KpiSdgLink => {
    const [goal, target] = indicator.split('.');
    return {
      goal: Number(goal),
      target: `${goal}.${target}`,
      indicator,
      basis: 'confirmed',
      source: verificationManual,
    };
  });
  const confirmedGoals = new Set(confirmed.map((link) => link.goal));
  const indicative = (kpi.sdgGoalsInferred ?? [])
    .map(Number)
    .filter((goal) => !confirmedGoals.has(goal))
    .map((goal): KpiSdgLink => ({ goal, basis: 'indicative' }));
  return [...confirmed, ...indicative];
}

/** Turns the reference into catalogue entries, in the framework's order. */
export function buildCatalogue(reference: unknown): KpiContent[] {
  const data = referenceSchema.parse(reference);
  const out: KpiContent[] = [];
  for (const dimension of data.kpiFramework.dimensions) {
    for (const sub of dimension.subdimensions) {
      if (!kpiSubDimensions.some((known) => known.code === sub.codePrefix)) {
        throw new Error(`Sub-dimension ${sub.codePrefix} is not in src/lib/kpis/framework.ts`);
      }
      for (const kpi of sub.kpis) {
        const category = kpiCategories.find(
          (c) => c.subDimension === sub.codePrefix && c.referenceName === kpi.category,
        );
        if (!category) {
          throw new Error(`${kpi.code}: category "${kpi.category}" is not in the framework file`);
        }
        const entry = {
          code: kpi.code,
          name: kpi.name,
          dimension: dimension.code,
          subDimension: sub.codePrefix,
          category: category.code,
          type: kpi.type,
          ...(kpi.smartOrSustainable ? { focus: kpi.smartOrSustainable } : {}),
          unit: kpi.unit,
          unitUncertain: Boolean(kpi.unitUncertain || kpi.uncertain),
          measure: measureOf(kpi),
          sdgLinks: sdgLinksOf(kpi),
          themes: themeKeys.filter((key) => (category.themes as readonly string[]).includes(key)),
          ...(kpi.confirmedIn ? { confirmedIn: sourceOf(kpi.confirmedIn) } : {}),
          position: out.length + 1,
        };
        const parsed = kpiContentSchema.safeParse(entry);
        if (!parsed.success) {
          throw new Error(`${kpi.code}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
        }
        out.push(parsed.data);
      }
    }
  }
  if (out.length !== data.kpiFramework.totalKpis) {
    throw new Error(`Expected ${data.kpiFramework.totalKpis} KPIs, read ${out.length}`);
  }
  return out;
}

const header = [
  '# Generated by scripts/generate-kpi-catalogue.ts from the U4SSC reference research',
  '# (u4ssc-reference.json). Do not edit by hand: change the generator and run',
  '# `npm run kpis:generate`. Checked by src/lib/kpis/kpi-schema.ts.',
].join('\n');

/**
 * The file name and text of each entry, formatted as the repository's
 * Prettier settings want, so generated files pass `npm run lint` unchanged.
 */
export async function renderCatalogue(
  entries: readonly KpiContent[],
): Promise<Map<string, string>> {
  const options = { ...(await resolveConfig(path.join(outputDir, 'x.yaml'))), parser: 'yaml' };
  const files = new Map<string, string>();
  for (const entry of entries) {
    const text = `${header}\n${stringify(entry, { lineWidth: 0 })}`;
    files.set(`${kpiSlugFromCode(entry.code)}.yaml`, await format(text, options));
  }
  return files;
}

function findReference(args: string[]): string {
  const flag = args.indexOf('--reference');
  const candidates = [
    flag >= 0 ? args[flag + 1] : undefined,
    process.env.KPI_REFERENCE_PATH,
    path.resolve(rootDir, '../shared/reference/u4ssc-reference.json'),
    path.resolve(rootDir, '../../shared/reference/u4ssc-reference.json'),
  ].filter((candidate): candidate is string => Boolean(candidate));
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) {
    throw new Error(
      `u4ssc-reference.json not found (looked in: ${candidates.join(', ')}). ` +
        'Pass --reference <path> or set KPI_REFERENCE_PATH. The committed content/kpis stays valid without it.',
    );
  }
  return found;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const referencePath = findReference(args);
  const files = await renderCatalogue(
    buildCatalogue(JSON.parse(fs.readFileSync(referencePath, 'utf8'))),
  );
  fs.mkdirSync(outputDir, { recursive: true });
  const existing = fs.readdirSync(outputDir).filter((name) => name.endsWith('.yaml'));
  const stale = existing.filter((name) => !files.has(name));
  const changed = [...files].filter(
    ([name, text]) =>
      !fs.existsSync(path.join(outputDir, name)) ||
      fs.readFileSync(path.join(outputDir, name), 'utf8') !== text,
  );
  if (args.includes('--check')) {
    if (stale.length + changed.length > 0) {
      console.error(
        `content/kpis is out of date: ${changed.length} to write, ${stale.length} to remove. Run npm run kpis:generate.`,
      );
      process.exit(1);
    }
    console.log(`content/kpis matches ${referencePath} (${files.size} KPIs).`);
    return;
  }
  for (const name of stale) fs.rmSync(path.join(outputDir, name));
  for (const [name, text] of changed) fs.writeFileSync(path.join(outputDir, name), text);
  console.log(
    `Read ${referencePath}: ${files.size} KPIs; wrote ${changed.length}, removed ${stale.length}.`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main();
}
