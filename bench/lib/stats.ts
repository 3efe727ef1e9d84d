/** Latency figures shared by the benchmarks: percentiles of samples in milliseconds. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 100) / 100;
}

/** Count, p50, p95, p99 and max of a set of samples. */
export function summarize(values: number[]) {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: percentile(values, 100),
  };
}

/**
 * A fixed amount of CPU work, timed: this machine's speed drifts over
 * minutes, and the figure tells a slow stretch from a slower change when
 * comparing runs (lower is faster; 65-85 ms on the machine of the README).
 */
export function cpuCheck(): number {
  const started = performance.now();
  let sum = 0;
  for (let i = 0; i < 50_000_000; i += 1) sum += i % 7;
  if (sum < 0) throw new Error('unreachable');
  return Math.round(performance.now() - started);
}
