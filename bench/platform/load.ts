import autocannon from 'autocannon';

export interface LoadResult {
  target: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** What the render cache said (X-Render-Cache) on a probe request after the run, if anything. */
  cache?: string | null;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}

/** Load on one URL with autocannon (loopback, keep-alive, `connections` at once). */
export async function load(
  baseUrl: string,
  target: string,
  options: LoadOptions,
): Promise<LoadResult> {
  const result = await autocannon({
    url: `${baseUrl}${target}`,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers,
  });
  const probe = await fetch(`${baseUrl}${target}`, { headers: options.headers });
  await probe.arrayBuffer();
  return {
    target,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    cache: probe.headers.get('x-render-cache'),
  };
}
