import { describe, expect, it } from 'vitest';
import { getTranslator } from '../../src/lib/i18n';
import { wordNotice, type Notice } from '../../src/server/mail/notices';

const wording = { i18n: getTranslator('en'), origin: 'https://portal.example' };
const notice = (kind: string, data: Record<string, unknown>): Notice => ({ id: 'n1', kind, data });

describe('wording a notice (wordNotice)', () => {
  it('fills the facts into the words of its kind, with absolute links and the footer', () => {
    const mail = wordNotice(
      notice('hubs.membership_approved', {
        hub: 'Nordic Hub',
        applicant: 'Fjordby',
        link: '/hubs/nordic',
      }),
      wording,
    );
    expect(mail.subject).toBe('Fjordby has joined Nordic Hub');
    expect(mail.text).toBe(
      'Your request for Fjordby to join Nordic Hub was approved.\n\n' +
        'The hub’s page: https://portal.example/hubs/nordic\n\nU4SSC Hub Portal',
    );
  });

  it('adds a fact’s own paragraph only when the fact is not empty', () => {
    const facts = { hub: 'H', applicant: 'A', person: 'P', link: '/x' };
    const without = wordNotice(
      notice('hubs.membership_requested', { ...facts, message: '  ' }),
      wording,
    );
    expect(without.text).not.toContain('Their message');
    const withMessage = wordNotice(
      notice('hubs.membership_requested', { ...facts, message: 'Hello' }),
      wording,
    );
    expect(withMessage.text).toContain('Their message:\nHello');
  });

  it('writes instants in the notice’s time zone, naming it', () => {
    const mail = wordNotice(
      notice('events.registration_confirmed', {
        event: 'Clinic',
        hub: 'H',
        startsAt: '2031-06-15T07:00:00+00:00',
        timeZone: 'Europe/Vienna',
        venue: '',
        online: 'https://meet.example/x',
        link: '/events/clinic',
      }),
      wording,
    );
    expect(mail.text).toContain('When: Sunday, June 15, 2031 at 9:00 AM (Europe/Vienna)');
    expect(mail.text).toContain('Online: https://meet.example/x');
    expect(mail.text).not.toContain('Where:');
  });

  it('keeps a subject on one line whatever the facts hold', () => {
    const mail = wordNotice(
      notice('hubs.membership_declined', { hub: 'Evil\r\nBcc: x@y', applicant: 'A', reason: 'r' }),
      wording,
    );
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('refuses a kind that has no words, so the change rolls back instead of mailing nothing', () => {
    expect(() => wordNotice(notice('hubs.unknown_thing', {}), wording)).toThrow(
      /hubs.unknown_thing has no words/,
    );
  });
});
