import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { canServeDevMailbox, isLoopbackAddress } from '../../src/server/mail/dev-mailbox-access';

/**
 * /dev/mailbox lists password-reset links: serving it to anyone but the
 * developer on this machine hands over every account (issue 10, item 2).
 */
describe('who may read the development mailbox', () => {
  const config = (env: Record<string, string>) => loadConfig(env as NodeJS.ProcessEnv);
  const request = (
    options: { address?: string; url?: string; headers?: Record<string, string> } = {},
  ) => ({
    clientAddress: options.address ?? '127.0.0.1',
    url: new URL(options.url ?? 'http://localhost:4321/dev/mailbox'),
    headers: new Headers(options.headers ?? {}),
  });
  const dev = config({ NODE_ENV: 'development' });

  it('serves the developer on this machine, in development and in tests', () => {
    expect(canServeDevMailbox({ config: dev, ...request() })).toBe(true);
    expect(canServeDevMailbox({ config: config({ NODE_ENV: 'test' }), ...request() })).toBe(true);
    expect(canServeDevMailbox({ config: dev, ...request({ address: '::1' }) })).toBe(true);
    expect(
      canServeDevMailbox({
        config: dev,
        ...request({ address: '::ffff:127.0.0.1', url: 'http://127.0.0.1:8080/dev/mailbox' }),
      }),
    ).toBe(true);
  });

  it('never serves a production server, embedded database or not', () => {
    expect(canServeDevMailbox({ config: config({ NODE_ENV: 'production' }), ...request() })).toBe(
      false,
    );
    expect(
      canServeDevMailbox({
        config: config({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/portal' }),
        ...request(),
      }),
    ).toBe(false);
  });

  it('never lists mail when SMTP sends it', () => {
    expect(
      canServeDevMailbox({
        config: config({ NODE_ENV: 'development', SMTP_URL: 'smtp://mail.example.org' }),
        ...request(),
      }),
    ).toBe(false);
  });

  it.each([
    '203.0.113.5',
    '10.0.0.2',
    '192.168.1.9',
    '::ffff:198.51.100.7',
    '2001:db8::1',
    undefined,
  ])('refuses a connection from %s', (address) => {
    expect(
      canServeDevMailbox({ config: dev, ...request({ address }), clientAddress: address }),
    ).toBe(false);
  });

  it.each([
    ['x-forwarded-for', '127.0.0.1'],
    ['forwarded', 'for=127.0.0.1'],
    ['x-real-ip', '127.0.0.1'],
    ['x-forwarded-host', 'localhost'],
  ])('refuses a request that passed a proxy (%s)', (name, value) => {
    expect(canServeDevMailbox({ config: dev, ...request({ headers: { [name]: value } }) })).toBe(
      false,
    );
  });

  it('refuses a request addressed to another host name', () => {
    expect(
      canServeDevMailbox({
        config: dev,
        ...request({ url: 'http://portal.example.org/dev/mailbox' }),
      }),
    ).toBe(false);
  });

  it('knows loopback addresses', () => {
    expect(
      ['127.0.0.1', '127.5.6.7', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'].map(
        isLoopbackAddress,
      ),
    ).toEqual([true, true, true, true, true]);
    expect(['128.0.0.1', '::2', 'localhost', '', '::ffff:10.0.0.1'].map(isLoopbackAddress)).toEqual(
      [false, false, false, false, false],
    );
  });
});
