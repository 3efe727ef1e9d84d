/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): self time by function and
 * by what the issue named as hot spots. Usage: tsx bench/profile/summarize.ts <file.cpuprofile>
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const file = process.argv[2];
if (!file) throw new Error('Usage: tsx bench/profile/summarize.ts <file.cpuprofile>');
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);

const self = new Map<number, number>();
profile.samples.forEach((id, i) =>
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
);
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self.entries()]
  .filter(([id]) =>
    ['(idle)', '(program)', '(garbage collector)'].includes(byId.get(id)!.callFrame.functionName),
  )
  .reduce((sum, [, t]) => sum + t, 0);

/** Time of samples whose stack contains a frame matching `test` (inclusive time). */
function inclusive(test: (node: ProfileNode) => boolean): number {
  let sum = 0;
  for (const [id, t] of self) {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (test(byId.get(at)!)) {
        sum += t;
        break;
      }
    }
  }
  return sum;
}

const label = (node: ProfileNode) =>
  `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\/(node_modules|dist|src)\//, '$1/')}:${node.callFrame.lineNumber + 1}`;
const bySelf = new Map<string, number>();
for (const [id, t] of self) {
  const key = label(byId.get(id)!);
  bySelf.set(key, (bySelf.get(key) ?? 0) + t);
}
const busy = total - idle;
const pct = (t: number) => `${((t / busy) * 100).toFixed(1)} %`;
console.log(
  `profile ${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy`,
);
const spots: Record<string, (node: ProfileNode) => boolean> = {
  'Intl.DateTimeFormat (formatDate, time zones)': (n) =>
    /DateTimeFormat|formatDate|zoneOffsetMs/.test(n.callFrame.functionName),
  'zod schema building (StatusBadge…)': (n) =>
    /zod/.test(n.callFrame.url) &&
    /^(object|enum|_enum|string|optional)$/.test(n.callFrame.functionName),
  getTranslator: (n) => n.callFrame.functionName === 'getTranslator',
  'PGlite (wasm, protocol)': (n) => /pglite/.test(n.callFrame.url),
  'pg driver': (n) => /node_modules\/pg(-protocol)?\//.test(n.callFrame.url),
  'rendering (astro runtime)': (n) => /astro\/dist\/runtime\/server\/render/.test(n.callFrame.url),
  'rich text (tiptap, sanitize-html)': (n) =>
    /tiptap|sanitize-html|htmlparser2/.test(n.callFrame.url),
  'compression (zlib)': (n) => /zlib|brotli|gzip/i.test(n.callFrame.functionName + n.callFrame.url),
  'render cache front door': (n) =>
    /front-door|render-cache/.test(n.callFrame.url) || n.callFrame.functionName === 'sendCached',
};
console.table(
  Object.entries(spots).map(([spot, test]) => ({
    spot,
    'inclusive, of busy': pct(inclusive(test)),
  })),
);
console.table(
  [...bySelf.entries()]
    .filter(([key]) => !/^\((idle|program|garbage collector)\)/.test(key))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([fn, t]) => ({ function: fn.slice(0, 90), self: pct(t) })),
);
