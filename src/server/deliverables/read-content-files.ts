import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  deliverableFrontmatterSchema,
  type DeliverableFrontmatter,
} from '../../lib/deliverables/deliverable-schema';

export interface DeliverableContent extends DeliverableFrontmatter {
  slug: string;
  body: string;
  contentPath: string;
}

const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/**
 * Reads `content/deliverables/*.md` with the same zod schema as the Astro
 * content collection, so that CLI scripts (which run outside Astro) sync
 * exactly what the site would build. Throws one error listing every bad file.
 */
export function readDeliverableContent(contentDir: string): DeliverableContent[] {
  const folder = path.join(contentDir, 'deliverables');
  const problems: string[] = [];
  const items: DeliverableContent[] = [];
  for (const file of fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()) {
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    const match = frontmatterPattern.exec(text);
    if (!match) {
      problems.push(`${file}: missing --- frontmatter ---`);
      continue;
    }
    const parsed = deliverableFrontmatterSchema.safeParse(parseYaml(match[1]!));
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      problems.push(`${file}: ${detail}`);
      continue;
    }
    items.push({
      ...parsed.data,
      slug: file.replace(/\.md$/, ''),
      body: match[2]!.trim(),
      contentPath: `content/deliverables/${file}`,
    });
  }
  if (problems.length > 0) {
    throw new Error(`Invalid deliverable content:\n  ${problems.join('\n  ')}`);
  }
  return items;
}
