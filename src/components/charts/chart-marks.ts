/**
 * Marks that tell series and segments apart without colour (DESIGN.md:
 * never colour alone): a marker shape and a dash pattern per line series,
 * a fill pattern per stacked segment. All drawn in the token colours of
 * src/styles/global.css (primary 700/900 and ink on white: 8.6:1 and more).
 */
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';

export const seriesMarks: readonly { shape: MarkerShape; dash: string | undefined }[] = [
  { shape: 'circle', dash: undefined },
  { shape: 'square', dash: '6 3' },
  { shape: 'triangle', dash: '2 3' },
  { shape: 'diamond', dash: '8 3 2 3' },
  { shape: 'cross', dash: '1 5' },
];

/** The SVG of a marker centred on (0, 0), as an element name and attributes. */
export function markerPath(shape: MarkerShape, size = 5): string {
  const s = size;
  switch (shape) {
    case 'circle':
      return `M ${-s} 0 A ${s} ${s} 0 1 0 ${s} 0 A ${s} ${s} 0 1 0 ${-s} 0 Z`;
    case 'square':
      return `M ${-s} ${-s} H ${s} V ${s} H ${-s} Z`;
    case 'triangle':
      return `M 0 ${-s - 1} L ${s + 1} ${s} L ${-s - 1} ${s} Z`;
    case 'diamond':
      return `M 0 ${-s - 1} L ${s + 1} 0 L 0 ${s + 1} L ${-s - 1} 0 Z`;
    case 'cross':
      return `M ${-s} ${-s} L ${s} ${s} M ${s} ${-s} L ${-s} ${s}`;
  }
}

export type SegmentPattern = 'solid' | 'hatch' | 'dots' | 'cross-hatch' | 'dark';

export const segmentPatterns: readonly SegmentPattern[] = [
  'solid',
  'hatch',
  'dots',
  'cross-hatch',
  'dark',
];
