import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRequestContext, type RequestDb } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { askQuestion } from '../../src/server/procurement/ask-question';
import { createProcess } from '../../src/server/procurement/create-process';
import { parseNoticeForm } from '../../src/server/procurement/notice-form';
import { parsePlanForm } from '../../src/server/procurement/plan-form';
import { findProcess, listProcesses } from '../../src/server/procurement/queries';
import { saveNoticeDraft } from '../../src/server/procurement/save-notice';
import { responseFormSchema } from '../../src/server/procurement/response-forms';
import { parseProcurementFilters } from '../../src/lib/procurement/vocabulary';
import { demoProcessId } from '../../src/server/seed/seed-procurement';
import {
  hostileIds,
  hostileText,
  hostileTimeZones,
  hostileWallTimes,
} from '../fixtures/hostile-values';
import { testTargets } from '../support/databases';
import { claimsOf, userIdOf, type Persona } from '../support/personas';
import { noticeFields, planFields } from '../support/procurement';

/**
 * Every hostile value of the fuzz corpus, in every procurement text field,
 * date, time zone, id and filter: either stored as text or refused with a
 * field error, never an exception (a 500) and never half-saved.
 */
describe.each(testTargets())('procurement and hostile input on $name', (target) => {
  let db: Database;
  let fjordby: string;
  let sensorwerk: string;
  const as = <T>(persona: Persona, fn: (rdb: RequestDb) => Promise<T>) =>
    withRequestContext(claimsOf(persona), fn, () => Promise.resolve(db));

  beforeAll(async () => {
    db = await target.open();
    const id = async (table: string, slug: string) =>
      (await db.query<{ id: string }>(`select id from public.${table} where slug = $1`, [slug]))[0]!
        .id;
    fjordby = await id('cities', 'demo-fjordby');
    sensorwerk = await id('organizations', 'demo-sensorwerk');
  });
  afterAll(() => db.close());

  it('plans: every text field takes the corpus or refuses it on that field', async () => {
    for (const [name, value] of Object.entries(hostileText)) {
      for (const field of [
        'title',
        'problem',
        'beneficiaries',
        'funding_source',
        'gender_affected',
        'budget_amount',
        'budget_currency',
        'kpi_codes',
        'planned_award_on',
      ]) {
        const parsed = parsePlanForm(planFields('Hostile input', { [field]: value }));
        if (!parsed.ok) {
          expect(parsed.errors.length, `${field}=${name}`).toBeGreaterThan(0);
          continue;
        }
        const outcome = await as('cityEditor', (rdb) =>
          createProcess(rdb, {
            cityId: fjordby,
            userId: userIdOf('cityEditor'),
            plan: parsed.input,
          }),
        );
        expect(outcome.ok, `${field}=${name}: ${JSON.stringify(outcome)}`).toBe(true);
      }
    }
  });

  it('notices: hostile texts, deadlines and time zones are stored or refused on their field', async () => {
    const now = new Date();
    const deadline = new Date(now.getTime() + 40 * 86400_000);
    const cases: Record<string, unknown>[] = [
      ...Object.values(hostileText).flatMap((value) => [
        { problem_statement: `A long enough problem statement: ${value}` },
        { criterion_name_1: value },
        { document_url_1: value, document_title_1: 'Doc' },
        { criterion_weight_1: value },
      ]),
      ...hostileWallTimes.map((deadline) => ({ deadline })),
      ...hostileTimeZones.map((deadline_tz) => ({ deadline_tz })),
    ];
    const draft = demoProcessId('fjordby-public-wifi');
    for (const extra of cases) {
      const parsed = parseNoticeForm(noticeFields(deadline, extra), now);
      if (!parsed.ok) continue;
      const outcome = await as('cityEditor', (rdb) =>
        saveNoticeDraft(rdb, { processId: draft, current: null, notice: parsed.input }),
      );
      expect(outcome.ok, JSON.stringify(extra)).toBe(true);
    }
  });

  it('questions, ids and filters: refused clearly, never thrown', async () => {
    const open = demoProcessId('fjordby-school-routes');
    for (const value of Object.values(hostileText)) {
      // As the route does: through the form (readForm refuses a NUL before it).
      const form = responseFormSchema.safeParse({
        intent: 'question',
        organization: sensorwerk,
        body: `${value} question`,
      });
      if (!form.success || form.data.intent !== 'question') continue;
      const body = form.data.body;
      const outcome = await as('orgMember', (rdb) =>
        askQuestion(rdb, { processId: open, organizationId: sensorwerk, body }),
      );
      expect(typeof outcome.ok).toBe('boolean');
    }
    for (const id of hostileIds) {
      expect(await as('anon', (rdb) => findProcess(rdb, id))).toBeNull();
    }
    for (const value of [...Object.values(hostileText), ...hostileIds]) {
      const { filters } = parseProcurementFilters({
        stage: value,
        theme: value,
        hub: value,
        country: value,
        band: value,
        q: value.slice(0, 100),
        sdg: value,
      });
      const listing = await as('anon', (rdb) => listProcesses(rdb, filters));
      expect(listing.total).toBeGreaterThanOrEqual(0);
    }
  });
});
