import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignIn } from '../../bench/lib/http-session';
import { startPortalProcess, type PortalProcess } from '../../bench/lib/portal-process';
import { rateLimitRules } from '../../src/server/http/rate-limit';
import { e2eEnabled } from '../support/browser';
import { demoEmails, demoPassword } from '../support/sign-in';

/**
 * A client that writes its own X-Forwarded-For (TRUST_PROXY=false, the
 * default) must not choose the address the portal records: not for the
 * per-address sign-in limit, not in the account's session list. Runs on a
 * production server of its own, since it spends that limit for 127.0.0.1.
 */
describe.skipIf(!e2eEnabled() || Boolean(process.env.E2E_BASE_URL))(
  'a forged X-Forwarded-For changes no address',
  () => {
    let portal: PortalProcess;
    let dataDir: string;

    beforeAll(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-forwarded-'));
      portal = await startPortalProcess({ DATA_DIR: dataDir, TRUST_PROXY: 'false' });
    });
    afterAll(async () => {
      await portal?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it("shows the connection's address in the session list, not the forged one", async () => {
      const attempt = await postSignIn(portal.baseUrl, demoEmails.member, demoPassword, {
        'x-forwarded-for': '203.0.113.66',
      });
      expect(attempt.status).toBe(303);
      const account = await fetch(`${portal.baseUrl}/account`, {
        headers: { cookie: attempt.session!.cookie },
      });
      const html = await account.text();
      expect(account.status).toBe(200);
      expect(html).toContain('127.0.0.1');
      expect(html).not.toContain('203.0.113.66');
    });

    it('counts failed sign-ins from one connection against one address, whatever each request claims', async () => {
      const { max } = rateLimitRules.signInFailuresPerIp;
      const statuses: number[] = [];
      // A different unknown account each time, so only the per-address limit can apply.
      for (let i = 0; i <= max; i += 1) {
        const attempt = await postSignIn(
          portal.baseUrl,
          `nobody-${i}@example.org`,
          'wrong-password-0000',
          { 'x-forwarded-for': `198.51.100.${i + 1}` },
        );
        statuses.push(attempt.status);
      }
      expect(statuses.slice(0, max).every((status) => status === 401)).toBe(true);
      expect(statuses[max]).toBe(429);
    });
  },
);
