import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface RouteJs {
  route: string;
  status: number;
  scripts: number;
  bytes: number;
  gzipBytes: number;
}

/**
 * JavaScript a browser downloads for a route: every external module script and
 * modulepreload in the served HTML (resolved in the build's client folder),
 * plus inline scripts, counted raw and gzipped.
 */
export async function measureJavaScript(
  baseUrl: string,
  route: string,
  clientDir: string,
): Promise<RouteJs> {
  const response = await fetch(`${baseUrl}${route}`);
  const html = await response.text();
  const sources = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) sources.add(match[1]!);
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    sources.add(match[1]!);
  // Islands name their component and renderer modules in attributes.
  for (const match of html.matchAll(
    /<astro-island\b[^>]*\bcomponent-url="([^"]+)"[^>]*\brenderer-url="([^"]+)"/g,
  )) {
    sources.add(match[1]!);
    sources.add(match[2]!);
  }
  let bytes = 0;
  let gzipBytes = 0;
  const seen = new Set<string>();
  const addFile = (file: string) => {
    if (seen.has(file) || !fs.existsSync(file)) return;
    seen.add(file);
    const content = fs.readFileSync(file);
    bytes += content.length;
    gzipBytes += gzipSync(content).length;
    // Follow static imports between chunks so shared chunks count once.
    for (const imported of content
      .toString('utf8')
      .matchAll(/(?:import|from)\s*["'](\.\/[^"']+\.js)["']/g)) {
      addFile(path.join(path.dirname(file), imported[1]!));
    }
  };
  for (const source of sources) addFile(path.join(clientDir, new URL(source, baseUrl).pathname));
  for (const match of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    const content = Buffer.from(match[1]!);
    bytes += content.length;
    gzipBytes += gzipSync(content).length;
  }
  return { route, status: response.status, scripts: sources.size, bytes, gzipBytes };
}
