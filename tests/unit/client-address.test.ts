import { describe, expect, it } from 'vitest';
import { getClientAddress } from '../../src/server/http/client-address';
import { loadConfig } from '../../src/server/config';

const withForwarded = (value?: string) =>
  new Request('http://localhost/', value ? { headers: { 'x-forwarded-for': value } } : {});

describe('client address', () => {
  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(getClientAddress(withForwarded(), '203.0.113.7', 0)).toBe('203.0.113.7');
    expect(getClientAddress(withForwarded('6.6.6.6'), '203.0.113.7', 0)).toBe('203.0.113.7');
    expect(getClientAddress(withForwarded('6.6.6.6, 7.7.7.7'), '::ffff:203.0.113.7', 0)).toBe(
      '203.0.113.7',
    );
    expect(getClientAddress(withForwarded('6.6.6.6'), '2001:db8::1', 0)).toBe('2001:db8::1');
  });

  it('behind one proxy, is the entry that proxy appended (the rightmost), never the ones before', () => {
    // The client sent "6.6.6.6"; the proxy (the socket peer) appended the real client.
    expect(getClientAddress(withForwarded('6.6.6.6, 198.51.100.4'), '10.0.0.2', 1)).toBe(
      '198.51.100.4',
    );
    expect(getClientAddress(withForwarded('198.51.100.4'), '10.0.0.2', 1)).toBe('198.51.100.4');
  });

  it('behind two proxies, skips the nearest one and takes the address the outer one received', () => {
    // client → CDN (appends client) → load balancer (appends CDN) → portal
    expect(
      getClientAddress(withForwarded('6.6.6.6, 198.51.100.4, 192.0.2.10'), '10.0.0.2', 2),
    ).toBe('198.51.100.4');
  });

  it('falls back safely when the header is missing, short or not an address', () => {
    // A trusted proxy that sent no header: the proxy is the only address known.
    expect(getClientAddress(withForwarded(), '10.0.0.2', 1)).toBe('10.0.0.2');
    // Fewer entries than hops: the leftmost, which a proxy wrote.
    expect(getClientAddress(withForwarded('198.51.100.4'), '10.0.0.2', 3)).toBe('198.51.100.4');
    // Garbage where an address should be: counted against the peer, not trusted.
    expect(getClientAddress(withForwarded('not-an-ip'), '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(getClientAddress(withForwarded(), undefined, 0)).toBe('unknown');
  });
});

describe('TRUST_PROXY', () => {
  const hops = (value: string | undefined) =>
    loadConfig({ NODE_ENV: 'test', TRUST_PROXY: value }).http.trustedProxyHops;

  it('is off by default and for false, and keeps true meaning one proxy', () => {
    expect(hops(undefined)).toBe(0);
    expect(hops('')).toBe(0);
    expect(hops('false')).toBe(0);
    expect(hops('0')).toBe(0);
    expect(hops('true')).toBe(1);
    expect(hops('1')).toBe(1);
    expect(hops('2')).toBe(2);
  });

  it('refuses anything else with a message naming the variable', () => {
    expect(() => hops('maybe')).toThrow(/TRUST_PROXY/);
    expect(() => hops('-1')).toThrow(/TRUST_PROXY/);
  });
});
