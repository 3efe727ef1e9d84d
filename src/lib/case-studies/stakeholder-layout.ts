/**
 * Geometry of the stakeholder map (StakeholderMap.astro): the subject (a
 * case study or a city) on the left, one band per sector on the right with
 * its partners one per line, and a connector from the subject to each band.
 * Like the charts, x is in percent of the width and y in pixels, so the text
 * keeps its size from 320 px up; pure, so it is unit-tested.
 */
export interface StakeholderBandInput {
  key: string;
  items: number;
}

export interface StakeholderBand {
  key: string;
  /** Baseline of the sector's label. */
  labelY: number;
  /** Centre of the connector's end and of the sector's marker. */
  anchorY: number;
  /** Baselines of the items, in order. */
  itemYs: number[];
}

export interface StakeholderLayout {
  height: number;
  /** Vertical centre of the subject's box, and its height. */
  subjectY: number;
  subjectHeight: number;
  bands: StakeholderBand[];
  /** x positions, in percent. */
  x: { subjectRight: number; marker: number; label: number; item: number };
}

const top = 8;
const bandHeader = 24;
const itemHeight = 22;
const bandGap = 14;
const subjectHeight = 48;

export function layoutStakeholderMap(bands: readonly StakeholderBandInput[]): StakeholderLayout {
  let y = top;
  const out: StakeholderBand[] = [];
  for (const band of bands) {
    const labelY = y + 17;
    const itemYs = Array.from(
      { length: band.items },
      (_, i) => y + bandHeader + (i + 1) * itemHeight - 6,
    );
    out.push({ key: band.key, labelY, anchorY: y + 12, itemYs });
    y += bandHeader + band.items * itemHeight + bandGap;
  }
  const height = Math.max(y - bandGap + top, subjectHeight + 2 * top);
  return {
    height,
    subjectY: height / 2,
    subjectHeight,
    bands: out,
    x: { subjectRight: 30, marker: 38, label: 41, item: 41 },
  };
}

/** Text for an SVG line, which does not wrap: cut at `max` characters with an ellipsis. */
export function clipText(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
