import { describe, expect, it } from 'vitest';
import {
  isPublicHostname,
  websiteFromEmail,
  websiteHost,
  websiteUrlSchema,
} from '../../src/lib/organizations/website';

const refusal = (value: string) => {
  const result = websiteUrlSchema.safeParse(value);
  return result.success ? null : result.error.issues[0]!.message;
};

describe('an organization’s website', () => {
  it('keeps public http(s) addresses, normalised, and reads a bare domain as https', () => {
    expect(websiteUrlSchema.parse('https://sensorwerk.example')).toBe(
      'https://sensorwerk.example/',
    );
    expect(websiteUrlSchema.parse('  sensorwerk.example/about ')).toBe(
      'https://sensorwerk.example/about',
    );
    expect(websiteUrlSchema.parse('HTTP://Example.ORG:8080/x')).toBe('http://example.org:8080/x');
    expect(websiteUrlSchema.parse('https://93.184.216.34/')).toBe('https://93.184.216.34/');
    expect(websiteUrlSchema.parse('https://[2001:db8::1]/')).toBe('https://[2001:db8::1]/');
  });

  it('refuses other schemes, with the value named', () => {
    expect(refusal('javascript:alert(1)')).toBe('organizations.error.websiteScheme');
    expect(refusal('JaVaScRiPt:alert(1)')).toBe('organizations.error.websiteScheme');
    expect(refusal('data:text/html,<script>')).toBe('organizations.error.websiteScheme');
    expect(refusal('ftp://example.org')).toBe('organizations.error.websiteScheme');
    const issue = websiteUrlSchema.safeParse('javascript:x').error?.issues[0];
    expect(issue && 'params' in issue ? issue.params : undefined).toEqual({
      value: 'javascript:x',
    });
  });

  it('refuses hosts on a private network or this machine', () => {
    for (const value of [
      'http://localhost/',
      'http://LOCALHOST:3000',
      'http://app.localhost/',
      'http://printer.local/',
      'http://intranet.internal/',
      'http://router.home.arpa/',
      'http://127.0.0.1/',
      'http://10.1.2.3/',
      'http://172.16.0.1/',
      'http://172.31.255.255/',
      'http://192.168.1.1/',
      'http://169.254.169.254/latest/meta-data',
      'http://100.64.0.1/',
      'http://0.0.0.0/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://[::1]/',
      'http://[fe80::1]/',
      'http://[fc00::1]/',
      'http://[fd12:3456::1]/',
      'http://[::ffff:127.0.0.1]/',
    ])
      expect(refusal(value), value).toBe('organizations.error.websitePrivate');
    expect(refusal('http://172.32.0.1/')).toBeNull();
    expect(refusal('http://11.0.0.1/')).toBeNull();
  });

  it('refuses credentials, spaces and over-long addresses', () => {
    expect(refusal('https://user:secret@example.org/')).toBe(
      'organizations.error.websiteCredentials',
    );
    expect(refusal('https://example.org@evil.example/')).toBe(
      'organizations.error.websiteCredentials',
    );
    expect(refusal('https://exa mple.org/')).toBe('organizations.error.websiteFormat');
    expect(refusal(`https://example.org/${'a'.repeat(500)}`)).toBe(
      'organizations.error.websiteLength',
    );
  });

  it('compares hosts without www and suggests a website from a work address only', () => {
    expect(websiteHost('https://www.sensorwerk.example/about')).toBe('sensorwerk.example');
    expect(isPublicHostname('sensorwerk.example')).toBe(true);
    expect(websiteFromEmail('pia@sensorwerk.at')).toBe('https://sensorwerk.at/');
    expect(websiteFromEmail('pia@gmail.com')).toBeNull();
    expect(websiteFromEmail('partner@demo.u4ssc.local')).toBeNull();
    expect(websiteFromEmail(null)).toBeNull();
  });
});
