import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sortSources, workSources } from '../../src/server/work/load-your-work';
import { defineWorkSource } from '../../src/server/work/work-section';

const sectionsDir = path.resolve(import.meta.dirname, '../../src/server/work/sections');

describe('the "Your work" section registry', () => {
  it('registers every file in src/server/work/sections, by itself', () => {
    const files = fs.readdirSync(sectionsDir).filter((file) => file.endsWith('.ts'));
    expect(workSources.map((source) => source.id).sort()).toEqual(
      files.map((file) => file.replace(/\.ts$/, '')).sort(),
    );
  });

  it('orders sources by `order`, then id, and refuses two with one id', () => {
    const source = (id: string, order: number) =>
      defineWorkSource({ id, order, load: () => Promise.resolve([]) });
    expect(
      sortSources([source('b', 20), source('a', 20), source('c', 10)]).map((s) => s.id),
    ).toEqual(['c', 'a', 'b']);
    expect(() => sortSources([source('a', 1), source('a', 2)])).toThrow(/two work section sources/);
  });
});
