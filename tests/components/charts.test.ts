import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { Window } from 'happy-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import BarChart from '../../src/components/charts/BarChart.astro';
import LineChart from '../../src/components/charts/LineChart.astro';
import StackedBar from '../../src/components/charts/StackedBar.astro';
import { getTranslator } from '../../src/lib/i18n';

/**
 * The chart components as HTML: each is an SVG image with a name and a
 * description, tells its data apart by more than colour, carries a data
 * table, and ships no script.
 */
let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

type Doc = Window['document'];

async function render(
  component: Parameters<AstroContainer['renderToString']>[0],
  props: Record<string, unknown>,
) {
  const html = await container.renderToString(component, {
    props,
    // Charts read only the translator from locals; they make no query.
    locals: { i18n: getTranslator('en') } as unknown as App.Locals,
  });
  const window = new Window();
  window.document.body.innerHTML = html;
  return { html, document: window.document };
}

function expectAccessibleImage(document: Doc, id: string, title: string, description: string) {
  const svg = document.querySelector('svg[role="img"]')!;
  expect(svg).not.toBeNull();
  expect(svg.getAttribute('aria-labelledby')).toBe(`${id}-title`);
  expect(svg.getAttribute('aria-describedby')).toBe(`${id}-desc`);
  expect(document.getElementById(`${id}-title`)?.tagName.toLowerCase()).toBe('title');
  expect(document.getElementById(`${id}-title`)?.textContent).toBe(title);
  expect(document.getElementById(`${id}-desc`)?.textContent).toBe(description);
}

const tableRows = (document: Doc) =>
  [...document.querySelectorAll('details table tbody tr')].map((row) =>
    [...row.children].map((cell) => cell.textContent?.trim()),
  );

describe('BarChart', () => {
  const props = {
    id: 'by-stage',
    title: 'Processes by stage',
    description: 'Plan 4, inform the market 2, award 0.',
    labelHeading: 'Stage',
    valueHeading: 'Processes',
    data: [
      { label: 'Plan', value: 4 },
      { label: 'Inform the market', value: 2 },
      { label: 'Award', value: 0 },
    ],
  };

  it('is an image with a title and description, every bar named with its value in text', async () => {
    const { html, document } = await render(BarChart, props);
    expectAccessibleImage(document, 'by-stage', props.title, props.description);
    const texts = [...document.querySelectorAll('svg text')].map((t) => t.textContent?.trim());
    expect(texts).toEqual(['Plan', '4', 'Inform the market', '2', 'Award', '0']);
    // Two bars drawn (zero draws none), each over its track.
    expect(document.querySelectorAll('rect.fill-primary-700')).toHaveLength(2);
    expect(tableRows(document)).toEqual([
      ['Plan', '4'],
      ['Inform the market', '2'],
      ['Award', '0'],
    ]);
    expect(document.querySelector('details table caption')?.textContent).toBe(props.title);
    expect(html).not.toMatch(/<script\b/i);
  });

  it('says there is no data instead of drawing an empty image', async () => {
    const { document } = await render(BarChart, { ...props, data: [] });
    expect(document.querySelector('svg')).toBeNull();
    expect(document.body.textContent).toContain('There is no data to show yet.');
  });

  it('refuses props that would make an inaccessible chart', async () => {
    await expect(render(BarChart, { ...props, title: '' })).rejects.toThrow();
    await expect(render(BarChart, { ...props, id: 'Has Spaces' })).rejects.toThrow();
  });
});

describe('StackedBar', () => {
  const props = {
    id: 'completeness',
    title: 'Completeness of the 2025 assessment',
    description: 'Core KPIs 40 of 52 entered; advanced KPIs 10 of 39 entered.',
    labelHeading: 'KPIs',
    rows: [
      {
        label: 'Core',
        segments: [
          { key: 'entered', label: 'Entered', value: 40 },
          { key: 'missing', label: 'Missing', value: 12 },
        ],
      },
      {
        label: 'Advanced',
        segments: [
          { key: 'entered', label: 'Entered', value: 10 },
          { key: 'missing', label: 'Missing', value: 29 },
        ],
      },
    ],
  };

  it('fills each segment with its own pattern, states the shares in words and names them in a legend', async () => {
    const { html, document } = await render(StackedBar, props);
    expectAccessibleImage(document, 'completeness', props.title, props.description);
    const fills = [...document.querySelectorAll('svg[role="img"] rect[fill^="url("]')].map((r) =>
      r.getAttribute('fill'),
    );
    expect(fills).toEqual([
      'url(#completeness-pattern-0)',
      'url(#completeness-pattern-1)',
      'url(#completeness-pattern-0)',
      'url(#completeness-pattern-1)',
    ]);
    expect(document.getElementById('completeness-pattern-1')?.tagName.toLowerCase()).toBe(
      'pattern',
    );
    const notes = [...document.querySelectorAll('svg text.fill-muted')].map((t) =>
      t.textContent?.trim(),
    );
    expect(notes).toEqual(['Entered 77% · Missing 23%', 'Entered 26% · Missing 74%']);
    const legend = [...document.querySelectorAll('ul[aria-label="Legend"] li')].map((li) =>
      li.textContent?.trim(),
    );
    expect(legend).toEqual(['Entered', 'Missing']);
    expect(tableRows(document)).toEqual([
      ['Core', '40 (77%)', '12 (23%)', '52'],
      ['Advanced', '10 (26%)', '29 (74%)', '39'],
    ]);
    expect(html).not.toMatch(/<script\b/i);
  });
});

describe('LineChart', () => {
  const props = {
    id: 'household-internet',
    title: 'Household Internet Access in Fjordby',
    description: '81% in 2022, not available in 2023, 88% in 2024; target 95% by 2030.',
    valueHeading: '% of households',
    series: [
      {
        key: 'fjordby',
        label: 'Fjordby',
        points: [
          { year: 2022, value: 81 },
          { year: 2023, value: null },
          { year: 2024, value: 88 },
          { year: 2025, value: 90 },
        ],
      },
    ],
    target: { year: 2030, value: 95, label: 'Target' },
    yMin: 0,
    yMax: 100,
  };

  it('draws known values only, breaks the line where a year is not available, and labels the target', async () => {
    const { html, document } = await render(LineChart, props);
    expectAccessibleImage(document, 'household-internet', props.title, props.description);
    // Markers: one per known value.
    expect(document.querySelectorAll('svg[role="img"] svg path.fill-primary-700')).toHaveLength(3);
    // Lines: 2024–2025 only; none across the missing 2023.
    expect(document.querySelectorAll('svg[role="img"] line.stroke-primary-700')).toHaveLength(1);
    const targetLine = document.querySelector('svg[role="img"] line.stroke-success-700');
    expect(targetLine?.getAttribute('stroke-dasharray')).toBe('8 4');
    expect(document.body.textContent).toContain('Target: 95 by 2030');
    expect(tableRows(document)).toEqual([
      ['2022', '81'],
      ['2023', 'Not available'],
      ['2024', '88'],
      ['2025', '90'],
      ['Target 2030', '95'],
    ]);
    expect(html).not.toMatch(/<script\b/i);
  });

  it('tells series apart by marker shape and dash pattern as well as colour', async () => {
    const { document } = await render(LineChart, {
      ...props,
      target: null,
      series: [
        {
          key: 'a',
          label: 'PM2.5',
          points: [
            { year: 2024, value: 8 },
            { year: 2025, value: 7 },
          ],
        },
        {
          key: 'b',
          label: 'PM10',
          points: [
            { year: 2024, value: 15 },
            { year: 2025, value: 14 },
          ],
        },
      ],
    });
    const dashes = [...document.querySelectorAll('svg[role="img"] > g > line')].map((line) =>
      line.getAttribute('stroke-dasharray'),
    );
    expect(new Set(dashes).size).toBe(2);
    const legend = [...document.querySelectorAll('ul[aria-label="Legend"] li')].map((li) =>
      li.textContent?.trim(),
    );
    expect(legend).toEqual(['PM2.5', 'PM10']);
    expect(document.querySelectorAll('details thead th')).toHaveLength(3);
  });
});
