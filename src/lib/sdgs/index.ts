import { z } from 'zod';
import type { MessageKey, Translator } from '../i18n';
import { sdgFrameworkSource, sdgTargetCodesByGoal } from './sdg-framework-data';

/**
 * The Sustainable Development Goals vocabulary shared by KPIs, case studies,
 * the directory and procurement: goal numbers, target codes (e.g. `11.2`,
 * `6.a`), indicator codes (e.g. `17.6.2`), zod schemas that refuse unknown
 * values with a message naming the value, and the labels people read
 * ("SDG 11 · Sustainable cities and communities", never a colour alone).
 */
export { sdgFrameworkSource };

export const sdgGoalNumbers = Array.from({ length: 17 }, (_, index) => index + 1);
export type SdgGoal = number;

/** All 169 target codes, goal by goal in the Agenda's order. */
export const sdgTargetCodes: readonly string[] = sdgGoalNumbers.flatMap(
  (goal) => sdgTargetCodesByGoal[goal] ?? [],
);
const knownTargets = new Set(sdgTargetCodes);

/** The issue messages of these schemas: i18n keys, with the refused value in `params.value`. */
export const sdgIssueMessages = {
  goal: 'sdg.error.goal',
  target: 'sdg.error.target',
  indicator: 'sdg.error.indicator',
  reference: 'sdg.error.reference',
} as const satisfies Record<string, MessageKey>;

/** True for the numbers 1 to 17. */
export function isSdgGoal(value: unknown): value is SdgGoal {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 17;
}

/** True for one of the 169 official target codes (lower-case letters: `6.a`). */
export function isSdgTarget(code: string): boolean {
  return knownTargets.has(code);
}

/** The target codes of one goal (empty for a number that is not a goal). */
export function listSdgTargets(goal: SdgGoal): readonly string[] {
  return sdgTargetCodesByGoal[goal] ?? [];
}

/** The goal a target or indicator code belongs to: `11.2.1` → 11. */
export function goalOfSdgCode(code: string): SdgGoal {
  return Number(code.split('.')[0]);
}

function refuse(ctx: z.RefinementCtx, message: string, value: unknown): void {
  ctx.addIssue({ code: 'custom', message, params: { value: String(value) } });
}

/**
 * A goal number, from a form field or a query string ("11") or JSON (11).
 * Anything else is refused with `sdg.error.goal` naming the value.
 */
export const sdgGoalSchema = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const text = String(value).trim();
  const goal = /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN;
  if (!isSdgGoal(goal)) {
    refuse(ctx, sdgIssueMessages.goal, value);
    return z.NEVER;
  }
  return goal;
});

/** A target code of the UN framework (`11.2`, `6.a`; `6.A` is read as `6.a`). */
export const sdgTargetSchema = z.string().transform((value, ctx) => {
  const code = value.trim().toLowerCase();
  if (!isSdgTarget(code)) {
    refuse(ctx, sdgIssueMessages.target, value);
    return z.NEVER;
  }
  return code;
});

const indicatorPattern = /^(\d{1,2}\.(?:\d{1,2}|[a-d]))\.(\d{1,2})$/;

/**
 * An indicator code (`17.6.2`, `6.a.1`) whose target exists. The UN revises
 * its indicator list every year, so only the target part is checked against
 * the framework; the indicator number must be 1 to 99.
 */
export const sdgIndicatorSchema = z.string().transform((value, ctx) => {
  const code = value.trim().toLowerCase();
  const match = indicatorPattern.exec(code);
  if (!match || !isSdgTarget(match[1]!) || Number(match[2]) < 1) {
    refuse(ctx, sdgIssueMessages.indicator, value);
    return z.NEVER;
  }
  return code;
});

export interface SdgReference {
  goal: SdgGoal;
  target: string | null;
  indicator: string | null;
}

/**
 * A goal, target or indicator given as one code (`11`, `11.2`, `11.2.1`),
 * as people cite them; returns all three levels it names.
 */
export const sdgReferenceSchema = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const code = String(value).trim().toLowerCase();
  const parts = code.split('.');
  if (parts.length === 1 && isSdgGoal(Number(code)) && /^\d{1,2}$/.test(code)) {
    return { goal: Number(code), target: null, indicator: null } satisfies SdgReference;
  }
  if (parts.length === 2 && isSdgTarget(code)) {
    return { goal: goalOfSdgCode(code), target: code, indicator: null } satisfies SdgReference;
  }
  const indicator = sdgIndicatorSchema.safeParse(code);
  if (parts.length === 3 && indicator.success) {
    return {
      goal: goalOfSdgCode(code),
      target: parts.slice(0, 2).join('.'),
      indicator: indicator.data,
    } satisfies SdgReference;
  }
  refuse(ctx, sdgIssueMessages.reference, value);
  return z.NEVER;
});

/** The goal's short name: "Sustainable cities and communities". */
export function sdgGoalName(t: Translator['t'], goal: SdgGoal): string {
  return t(`sdg.goal.${goal}` as MessageKey);
}

/** How the portal names a goal everywhere: "SDG 11 · Sustainable cities and communities". */
export function sdgGoalLabel(t: Translator['t'], goal: SdgGoal): string {
  return t('sdg.label', { number: goal, name: sdgGoalName(t, goal) });
}

/** "Target 11.2 · Safe, affordable and sustainable transport". */
export function sdgTargetLabel(t: Translator['t'], code: string): string {
  return t('sdg.targetLabel', { code, name: t(`sdg.target.${code}` as MessageKey) });
}

/** The UN's page of a goal, where its targets and indicators are given in full. */
export function sdgGoalUrl(goal: SdgGoal): string {
  return `https://sdgs.un.org/goals/goal${goal}`;
}
