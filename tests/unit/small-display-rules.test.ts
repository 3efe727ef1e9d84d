import { describe, expect, it } from 'vitest';
import { nextToolbarIndex } from '../../src/components/islands/editor/toolbar-keys';
import { getTranslator } from '../../src/lib/i18n';
import {
  currentTerms,
  currentTermsVersion,
  findTermsVersion,
  termsVersions,
} from '../../src/lib/legal/terms';
import { demoDisplayName, demoDisplayParts } from '../../src/lib/text/demo-name';
import { formatDuration } from '../../src/lib/text/duration';
import { standardStatusText, withStandardStatusText } from '../../src/server/http/status-text';
import { savedAction, savedItemPath } from '../../src/server/publishing/publication';

describe('small display rules', () => {
  it('moves through a toolbar as the WAI-ARIA pattern says', () => {
    expect(nextToolbarIndex('ArrowRight', 0, 12)).toBe(1);
    expect(nextToolbarIndex('ArrowRight', 11, 12)).toBe(0);
    expect(nextToolbarIndex('ArrowLeft', 0, 12)).toBe(11);
    expect(nextToolbarIndex('Home', 7, 12)).toBe(0);
    expect(nextToolbarIndex('End', 2, 12)).toBe(11);
    expect(nextToolbarIndex('Tab', 2, 12)).toBeNull();
    expect(nextToolbarIndex('ArrowDown', 2, 12)).toBeNull();
  });

  it('drops "(demo)" where the Demo badge says it, and only for demo records', () => {
    expect(demoDisplayName('Fjordby (demo)', true)).toBe('Fjordby');
    expect(demoDisplayName('Fjordby (demo)', false)).toBe('Fjordby (demo)');
    expect(demoDisplayName('Vienna', true)).toBe('Vienna');
    expect(demoDisplayName('(demo)', true)).toBe('(demo)');
    expect(
      demoDisplayParts(
        [
          { text: 'Nordic', highlighted: true },
          { text: ' Hub (demo)', highlighted: false },
        ],
        true,
      ),
    ).toEqual([
      { text: 'Nordic', highlighted: true },
      { text: ' Hub', highlighted: false },
    ]);
  });

  it('states configured periods in words', () => {
    const { tp } = getTranslator();
    expect(formatDuration(720 * 60, tp)).toBe('12 hours');
    expect(formatDuration(168 * 3600, tp)).toBe('7 days');
    expect(formatDuration(90 * 60, tp)).toBe('90 minutes');
    expect(formatDuration(3600, tp)).toBe('1 hour');
  });

  it('gives every status its standard reason phrase (a 400 was sent as "400 OK")', async () => {
    expect(standardStatusText(400)).toBe('Bad Request');
    expect(standardStatusText(429)).toBe('Too Many Requests');
    const fixed = withStandardStatusText(
      new Response('x', { status: 422, statusText: 'OK', headers: { 'x-kept': '1' } }),
    );
    expect(fixed.statusText).toBe('Unprocessable Entity');
    expect(fixed.headers.get('x-kept')).toBe('1');
    await expect(fixed.text()).resolves.toBe('x');
    const right = new Response(null, { status: 200, statusText: 'OK' });
    expect(withStandardStatusText(right)).toBe(right);
  });

  it('says what a save did: published, scheduled, unpublished or saved', () => {
    expect(savedItemPath('/news/a', 'publish')).toBe('/news/a?saved=publish');
    expect(savedItemPath('/news/a', 'delete-everything')).toBe('/news/a?saved=save');
    expect(savedAction('schedule')).toBe('schedule');
    expect(savedAction('1')).toBe('save');
    expect(savedAction('<script>')).toBe('save');
    expect(savedAction(null)).toBeNull();
  });

  it('keeps the terms versioned: the current one is the last, dated, and findable', () => {
    expect(currentTerms).toBe(termsVersions[termsVersions.length - 1]);
    expect(currentTermsVersion).toBe(currentTerms.id);
    expect(new Set(termsVersions.map((version) => version.id)).size).toBe(termsVersions.length);
    for (const version of termsVersions) {
      expect(version.effectiveOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(getTranslator().t(version.changes)).not.toBe(version.changes);
    }
    const dates = termsVersions.map((version) => version.effectiveOn);
    expect([...dates].sort()).toEqual(dates);
    expect(findTermsVersion(currentTermsVersion)).toBe(currentTerms);
    expect(findTermsVersion('0.0-unknown')).toBeNull();
  });
});
