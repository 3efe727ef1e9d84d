import http from 'node:http';
import { isLocalHostname, securityHeaderValues } from './security-headers';

const marker = Symbol.for('u4ssc.staticSecurityHeaders');

/**
 * The node adapter serves files from dist/client (favicon, /_astro bundles)
 * and answers Astro's own origin check (403) before any middleware runs. This
 * gives those responses the same security headers: every response written by
 * this process gets each header it does not already carry. Rendered pages set
 * their own (with script hashes) and those take precedence.
 * Loaded first by the production server entry (see server-entry-preload.ts).
 */
export function installStaticSecurityHeaders(): void {
  const proto = http.ServerResponse.prototype as http.ServerResponse & { [marker]?: boolean };
  if (proto[marker]) return;
  const original = proto.writeHead;
  proto.writeHead = function writeHead(this: http.ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) {
      // Read per response: the boot sets the built server's default NODE_ENV after this runs.
      const production = process.env.NODE_ENV === 'production';
      const host = this.req?.headers.host ?? '';
      const values = securityHeaderValues({ production: production && !isLocalHostname(host) });
      for (const [name, value] of Object.entries(values)) {
        if (!this.hasHeader(name)) this.setHeader(name, value);
      }
    }
    return (original as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof proto.writeHead;
  proto[marker] = true;
}

installStaticSecurityHeaders();
