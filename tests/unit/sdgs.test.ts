import { describe, expect, it } from 'vitest';
import { getTranslator, translateIssue } from '../../src/lib/i18n';
import { en } from '../../src/lib/i18n/messages/en';
import {
  goalOfSdgCode,
  isSdgTarget,
  listSdgTargets,
  sdgGoalLabel,
  sdgGoalNumbers,
  sdgGoalSchema,
  sdgIndicatorSchema,
  sdgReferenceSchema,
  sdgTargetCodes,
  sdgTargetLabel,
  sdgTargetSchema,
} from '../../src/lib/sdgs';

const { t } = getTranslator('en');

/** The first issue's text as a person would read it. */
function refusal(result: { success: boolean; error?: { issues: unknown[] } }): string {
  expect(result.success).toBe(false);
  return translateIssue(
    t,
    result.error!.issues[0] as { message: string; params?: Record<string, unknown> },
  );
}

describe('SDG vocabulary', () => {
  it('has the 17 goals and the 169 targets of the UN framework, goal by goal', () => {
    expect(sdgGoalNumbers).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(sdgTargetCodes).toHaveLength(169);
    expect(new Set(sdgTargetCodes).size).toBe(169);
    // Per goal, as the UN SDG API lists them.
    expect(sdgGoalNumbers.map((goal) => listSdgTargets(goal).length)).toEqual([
      7, 8, 13, 10, 9, 8, 5, 12, 8, 10, 10, 11, 5, 10, 12, 12, 19,
    ]);
    expect(listSdgTargets(11)).toEqual([
      '11.1',
      '11.2',
      '11.3',
      '11.4',
      '11.5',
      '11.6',
      '11.7',
      '11.a',
      '11.b',
      '11.c',
    ]);
    expect(listSdgTargets(17)).not.toContain('17.a');
    expect(isSdgTarget('8.10')).toBe(true);
    expect(isSdgTarget('11.8')).toBe(false);
    expect(goalOfSdgCode('17.6.2')).toBe(17);
  });

  it('names every goal and target through i18n, never as a bare number', () => {
    expect(sdgGoalLabel(t, 11)).toBe('SDG 11 · Sustainable cities and communities');
    expect(sdgTargetLabel(t, '11.2')).toBe(
      'Target 11.2 · Safe, affordable and sustainable transport',
    );
    for (const goal of sdgGoalNumbers) expect(`sdg.goal.${goal}` in en, `goal ${goal}`).toBe(true);
    for (const code of sdgTargetCodes) expect(`sdg.target.${code}` in en, code).toBe(true);
    const targetKeys = Object.keys(en).filter((key) => key.startsWith('sdg.target.'));
    expect(targetKeys).toHaveLength(169);
  });

  it('reads goals from forms and JSON and refuses others by naming the value', () => {
    expect(sdgGoalSchema.parse('11')).toBe(11);
    expect(sdgGoalSchema.parse(17)).toBe(17);
    expect(refusal(sdgGoalSchema.safeParse('18'))).toBe(
      '“18” is not a Sustainable Development Goal: use a number from 1 to 17.',
    );
    for (const bad of ['0', '1.5', '11a', '', ' ', '-3', '011x', 11.5]) {
      expect(sdgGoalSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it('accepts official target codes only, letters in lower case', () => {
    expect(sdgTargetSchema.parse('6.A')).toBe('6.a');
    expect(sdgTargetSchema.parse(' 11.2 ')).toBe('11.2');
    expect(refusal(sdgTargetSchema.safeParse('11.9'))).toBe(
      '“11.9” is not an SDG target: use a code of the UN framework such as 11.2 or 6.a.',
    );
    for (const bad of ['17.a', '18.1', '11', '11.2.1', 'eleven.two', '11.02']) {
      expect(sdgTargetSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('accepts indicator codes whose target exists', () => {
    expect(sdgIndicatorSchema.parse('17.6.2')).toBe('17.6.2');
    expect(sdgIndicatorSchema.parse('6.A.1')).toBe('6.a.1');
    expect(refusal(sdgIndicatorSchema.safeParse('11.9.1'))).toContain('“11.9.1”');
    for (const bad of ['17.6', '17.6.0', '17.6.x', '17.6.2.1']) {
      expect(sdgIndicatorSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('reads a goal, target or indicator reference into its levels', () => {
    expect(sdgReferenceSchema.parse('11')).toEqual({ goal: 11, target: null, indicator: null });
    expect(sdgReferenceSchema.parse('11.2')).toEqual({ goal: 11, target: '11.2', indicator: null });
    expect(sdgReferenceSchema.parse('11.2.1')).toEqual({
      goal: 11,
      target: '11.2',
      indicator: '11.2.1',
    });
    expect(refusal(sdgReferenceSchema.safeParse('19'))).toBe(
      '“19” is not an SDG goal, target or indicator: use 11, 11.2 or 11.2.1.',
    );
  });
});
