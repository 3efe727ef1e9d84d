import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getTranslator, translateIssue } from '../../src/lib/i18n';
import { en } from '../../src/lib/i18n/messages/en';
import {
  kpiCategories,
  kpiCodeFromSlug,
  kpiCodeSchema,
  kpiSlugFromCode,
  kpiSubDimensions,
} from '../../src/lib/kpis/framework';
import { kpiContentSchema } from '../../src/lib/kpis/kpi-schema';
import { readKpiContent } from '../../src/server/kpis/read-kpi-content';
import { buildCatalogue, renderCatalogue } from '../../scripts/generate-kpi-catalogue';

const rootDir = path.resolve(import.meta.dirname, '../..');
const content = readKpiContent(path.join(rootDir, 'content'));
const referencePath = [
  process.env.KPI_REFERENCE_PATH,
  path.resolve(rootDir, '../shared/reference/u4ssc-reference.json'),
  path.resolve(rootDir, '../../shared/reference/u4ssc-reference.json'),
].find((candidate) => candidate && fs.existsSync(candidate));

describe('KPI codes', () => {
  it('normalises codes as ITU prints them and refuses others by naming the value', () => {
    expect(kpiCodeSchema.parse('EC: ICT: ICT: 1C')).toBe('EC:ICT:ICT:1C');
    expect(kpiCodeSchema.parse('en:en:psn:4a')).toBe('EN:EN:PSN:4A');
    const refused = kpiCodeSchema.safeParse('EC:ICT:ICT:1X');
    expect(refused.success).toBe(false);
    expect(
      translateIssue(
        getTranslator('en').t,
        refused.error!.issues[0] as { message: string; params?: Record<string, unknown> },
      ),
    ).toBe('“EC:ICT:ICT:1X” is not a U4SSC KPI code such as EC:ICT:ICT:1C.');
    for (const bad of ['XX:ICT:ICT:1C', 'EC:ICT:ICT', 'EC:ICT:ICT:0C', '=EC:ICT:ICT:1C']) {
      expect(kpiCodeSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('turns codes into slugs and back', () => {
    expect(kpiSlugFromCode('EC:ICT:ICT:1C')).toBe('ec-ict-ict-1c');
    expect(kpiCodeFromSlug('sc-sh-sa-9c')).toBe('SC:SH:SA:9C');
    expect(kpiCodeFromSlug('not-a-kpi')).toBeNull();
    const slugs = content.map((kpi) => kpi.slug);
    expect(new Set(slugs).size).toBe(91);
    for (const kpi of content) expect(kpiCodeFromSlug(kpi.slug)).toBe(kpi.code);
  });
});

describe('the committed catalogue (content/kpis)', () => {
  it('has the 91 KPIs in the framework order, 45 / 17 / 29 by dimension', () => {
    expect(content.map((kpi) => kpi.position)).toEqual(content.map((_, i) => i + 1));
    const byDimension = Object.fromEntries(
      ['EC', 'EN', 'SC'].map((d) => [d, content.filter((kpi) => kpi.dimension === d).length]),
    );
    expect(byDimension).toEqual({ EC: 45, EN: 17, SC: 29 });
  });

  it('labels every dimension, sub-dimension and category it uses', () => {
    for (const sub of kpiSubDimensions) expect(`kpis.subDimension.${sub.code}` in en).toBe(true);
    for (const category of kpiCategories) {
      expect(`kpis.category.${category.code}` in en, category.code).toBe(true);
    }
  });

  it('keeps indicative links at goal level and every confirmed link with its source', () => {
    const links = content.flatMap((kpi) => kpi.sdgLinks);
    const confirmed = links.filter((link) => link.basis === 'confirmed');
    expect(confirmed.map((link) => link.indicator).sort()).toEqual([
      '17.6.2',
      '17.8.1',
      '6.1.1',
      '6.2.1',
    ]);
    expect(confirmed.every((link) => link.source?.url.startsWith('https://www.itu.int/'))).toBe(
      true,
    );
    expect(
      links.filter((l) => l.basis === 'indicative').every((l) => !l.target && !l.indicator),
    ).toBe(true);
  });

  it('reports multi-valued KPIs in named parts and restates the unit as a kind of value', () => {
    const byCode = new Map(content.map((kpi) => [kpi.code, kpi]));
    expect(byCode.get('EC:I:T:4A')?.measure.parts?.map((p) => p.label)).toEqual([
      'Private vehicle',
      'Public transport',
      'Walking',
      'Cycling',
      'Para-transport',
    ]);
    expect(byCode.get('EC:ICT:PS:1A')?.measure.parts?.map((p) => p.kind)).toEqual([
      'percentage',
      'count',
    ]);
    expect(byCode.get('SC:SH:SI:2C')?.measure).toEqual({ kind: 'ratio', max: 1 });
    expect(byCode.get('EC:ICT:ICT:5C')?.measure.kind).toBe('count');
    expect(byCode.get('SC:EH:H:2C')?.measure.kind).toBe('rate');
    expect(byCode.get('SC:SH:SA:3A')?.measure.kind).toBe('yes-no');
    expect(content.filter((kpi) => kpi.measure.parts).length).toBe(7);
  });

  it('never carries the researchers’ working notes', () => {
    const text = fs
      .readdirSync(path.join(rootDir, 'content', 'kpis'))
      .map((file) => fs.readFileSync(path.join(rootDir, 'content', 'kpis', file), 'utf8'))
      .join('\n');
    expect(text).not.toMatch(/^note:/m);
    expect(text).not.toContain('Official code keeps the ED prefix');
  });

  it.skipIf(!referencePath)('is what the generator makes from the reference today', async () => {
    const files = await renderCatalogue(
      buildCatalogue(JSON.parse(fs.readFileSync(referencePath!, 'utf8'))),
    );
    const folder = path.join(rootDir, 'content', 'kpis');
    expect([...files.keys()].sort()).toEqual(fs.readdirSync(folder).sort());
    for (const [name, text] of files) {
      expect(fs.readFileSync(path.join(folder, name), 'utf8'), name).toBe(text);
    }
  });
});

describe('the content schema refuses what the catalogue must never say', () => {
  const base = content.find((kpi) => kpi.code === 'EC:ICT:ICT:1C')!;
  const { slug: _slug, contentPath: _path, ...entry } = base;
  const issues = (value: unknown) => {
    const result = kpiContentSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  };

  it('accepts the file as committed', () => {
    expect(issues(entry)).toEqual([]);
  });

  it('refuses an indicative link that claims a target, and a confirmed link without source', () => {
    expect(
      issues({ ...entry, sdgLinks: [{ goal: 9, target: '9.c', basis: 'indicative' }] }),
    ).toContain('indicative links are goal-level only');
    expect(
      issues({
        ...entry,
        sdgLinks: [{ goal: 9, target: '9.c', indicator: '9.c.1', basis: 'confirmed' }],
      }),
    ).toContain('a confirmed link names its source');
  });

  it('refuses a type that contradicts the code, a foreign category and unknown keys', () => {
    expect(issues({ ...entry, type: 'advanced' })).toContain(
      'type advanced contradicts code EC:ICT:ICT:1C',
    );
    expect(issues({ ...entry, category: 'EN:E:E' })).toContain('EN:E:E is not in EC:ICT');
    expect(issues({ ...entry, note: 'a working note' }).length).toBeGreaterThan(0);
    expect(issues({ ...entry, themes: ['pirates'] }).length).toBeGreaterThan(0);
  });
});
