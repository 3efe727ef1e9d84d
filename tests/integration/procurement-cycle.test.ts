import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withRequestContext, type RequestDb } from '../../src/server/db/request-context';
import type { Database } from '../../src/server/db/types';
import { answerQuestion } from '../../src/server/procurement/answer-question';
import { amendNotice } from '../../src/server/procurement/amend-notice';
import { askQuestion } from '../../src/server/procurement/ask-question';
import { awardProcess } from '../../src/server/procurement/award-process';
import { cancelProcess } from '../../src/server/procurement/cancel-process';
import { closeProcess } from '../../src/server/procurement/close-process';
import { demoProcessId } from '../../src/server/seed/seed-procurement';
import { loadOcdsValidators, ocdsSuite } from '../support/ocds-schemas';
import { createProcess } from '../../src/server/procurement/create-process';
import { expressInterest } from '../../src/server/procurement/express-interest';
import { followThemes } from '../../src/server/procurement/follow-themes';
import { listOpportunities } from '../../src/server/procurement/list-opportunities';
import { parseNoticeForm } from '../../src/server/procurement/notice-form';
import { parsePlanForm } from '../../src/server/procurement/plan-form';
import {
  listBids,
  listQuestions,
  listThemeChoicesForNotice,
} from '../../src/server/procurement/private-queries';
import { publishNotice } from '../../src/server/procurement/publish-notice';
import {
  findProcess,
  listProcesses,
  listProcessReleases,
} from '../../src/server/procurement/queries';
import { recordBid } from '../../src/server/procurement/record-bid';
import { recordContract } from '../../src/server/procurement/record-contract';
import { recordTender } from '../../src/server/procurement/record-tender';
import { saveMilestone } from '../../src/server/procurement/save-milestone';
import { saveNoticeDraft } from '../../src/server/procurement/save-notice';
import { parseProcurementFilters } from '../../src/lib/procurement/vocabulary';
import { asUser, testTargets } from '../support/databases';
import { claimsOf, userIdOf, type Persona } from '../support/personas';
import { letNoticeDeadlinePass, noticeFields, planFields } from '../support/procurement';

const day = 24 * 3600 * 1000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

describe.each(testTargets())('the procurement buying cycle on $name', (target) => {
  let db: Database;
  let fjordby: string;
  let sensorwerk: string;
  let pending: string;
  const connect = () => Promise.resolve(db);
  const as = <T>(persona: Persona, fn: (rdb: RequestDb) => Promise<T>) =>
    withRequestContext(claimsOf(persona), fn, connect);

  beforeAll(async () => {
    db = await target.open();
    const ids = async (table: string, slug: string) =>
      (await db.query<{ id: string }>(`select id from public.${table} where slug = $1`, [slug]))[0]!
        .id;
    fjordby = await ids('cities', 'demo-fjordby');
    sensorwerk = await ids('organizations', 'demo-sensorwerk');
    pending = await ids('organizations', 'demo-pending-mobility');
  });
  afterAll(() => db.close());

  it('runs plan → notice → questions → award → contract → milestones → close, each step a release', async () => {
    const plan = parsePlanForm(planFields(`Safe routes ${target.name}`));
    expect(plan.ok, JSON.stringify(plan)).toBe(true);
    if (!plan.ok) return;
    const created = await as('cityEditor', (rdb) =>
      createProcess(rdb, { cityId: fjordby, userId: userIdOf('cityEditor'), plan: plan.input }),
    );
    expect(created.ok, JSON.stringify(created)).toBe(true);
    if (!created.ok) return;
    const id = created.id;
    // A draft: the editor sees it, a visitor and another coordinator do not.
    expect(await as('anon', (rdb) => findProcess(rdb, id))).toBeNull();
    expect(await as('coordinator', (rdb) => findProcess(rdb, id))).toBeNull();
    const draft = await as('cityEditor', (rdb) => findProcess(rdb, id));
    expect(draft?.plan.ocid).toBe(`ocds-u4sscx-${id}`);

    // Bad notices: a deadline in the past, weights that do not add up to 100.
    const now = new Date();
    const past = parseNoticeForm(noticeFields(new Date(now.getTime() - day)), now);
    expect(past.ok === false && past.errors.map((e) => e.message)).toContain(
      'procurement.error.deadlinePast',
    );
    const weights = parseNoticeForm(
      noticeFields(new Date(now.getTime() + 40 * day), { criterion_weight_1: '50' }),
      now,
    );
    expect(weights.ok === false && weights.errors[0]).toMatchObject({
      message: 'procurement.error.weightsTotal',
      params: { total: 90 },
    });
    // Open less than 28 days without a reason: refused, nothing saved.
    const short = parseNoticeForm(noticeFields(new Date(now.getTime() + 10 * day)), now);
    expect(short.ok).toBe(true);
    if (!short.ok || !draft) return;
    const refusedShort = await as('cityEditor', (rdb) =>
      publishNotice(rdb, { plan: draft.plan, current: null, notice: short.input, now }),
    );
    expect(refusedShort.ok === false && refusedShort.errors[0]!.field).toBe(
      'short_deadline_reason',
    );
    expect((await as('cityEditor', (rdb) => findProcess(rdb, id)))?.plan.publishedAt).toBeNull();

    const notice = parseNoticeForm(noticeFields(new Date(now.getTime() + 40 * day)), now);
    if (!notice.ok) throw new Error(JSON.stringify(notice.errors));
    expect(
      (
        await as('cityEditor', (rdb) =>
          saveNoticeDraft(rdb, { processId: id, current: null, notice: notice.input }),
        )
      ).ok,
    ).toBe(true);
    // Only the city's editors publish it.
    const byOther = await as('coordinator', (rdb) =>
      publishNotice(rdb, { plan: draft.plan, current: null, notice: notice.input, now }),
    );
    expect(byOther.ok).toBe(false);
    const published = await as('cityEditor', (rdb) =>
      publishNotice(rdb, { plan: draft.plan, current: null, notice: notice.input, now }),
    );
    expect(published.ok, JSON.stringify(published)).toBe(true);

    const visible = await as('anon', (rdb) => findProcess(rdb, id));
    expect(visible?.notice?.publishedAt).not.toBeNull();
    expect(visible?.criteria.map((c) => c.weight)).toEqual([60, 30, 10]);
    const listing = await as('anon', (rdb) =>
      listProcesses(rdb, parseProcurementFilters({ open: '1', theme: 'safety' }).filters),
    );
    expect(listing.items.map((item) => item.id)).toContain(id);

    // Vendors: a verified organization asks and expresses interest; a pending one cannot.
    expect(
      (
        await as('orgMember', (rdb) =>
          askQuestion(rdb, {
            processId: id,
            organizationId: sensorwerk,
            body: 'Can we propose sensors?',
          }),
        )
      ).ok,
    ).toBe(true);
    const unverified = await as('orgMember', (rdb) =>
      expressInterest(rdb, {
        processId: id,
        organizationId: pending,
        message: 'We would like to bid.',
        listedPublicly: true,
      }),
    );
    expect(unverified).toEqual({
      ok: false,
      errors: [{ field: 'organization', message: 'procurement.error.unverified' }],
    });
    expect(
      (
        await as('orgMember', (rdb) =>
          expressInterest(rdb, {
            processId: id,
            organizationId: sensorwerk,
            message: 'We make crossing sensors.',
            listedPublicly: true,
          }),
        )
      ).ok,
    ).toBe(true);
    // The question is the editor's to see with its asker; a visitor sees no question at all.
    const asked = await as('cityEditor', (rdb) => listQuestions(rdb, id));
    expect(asked).toHaveLength(1);
    expect(asked[0]!.organizationName).toMatch(/Sensorwerk/);
    expect(await as('member', (rdb) => listQuestions(rdb, id))).toEqual([]);
    expect(
      (
        await as('cityEditor', (rdb) =>
          answerQuestion(rdb, {
            processId: id,
            questionId: asked[0]!.id,
            question: 'Can suppliers propose sensors?',
            answer: 'Yes, if they protect privacy.',
          }),
        )
      ).ok,
    ).toBe(true);
    const answered = await as('anon', (rdb) => findProcess(rdb, id));
    expect(answered?.answers.map((a) => a.question)).toEqual(['Can suppliers propose sensors?']);
    expect(JSON.stringify(answered)).not.toMatch(/Sensorwerk/);

    // Amendments: a silent criteria change is refused by the database; an amendment is dated.
    const silent = await as('cityEditor', async (rdb) => {
      try {
        await rdb.savepoint((tx) =>
          tx.query(
            `update public.procurement_criteria set weight = 50 where process_id = $1 and position = 1`,
            [id],
          ),
        );
        return 'changed';
      } catch (error) {
        return (error as { code?: string }).code;
      }
    });
    expect(silent).toBe('42501');
    const amended = parseNoticeForm(
      noticeFields(new Date(now.getTime() + 45 * day), {
        rationale: 'More time for small firms to answer.',
      }),
      now,
    );
    if (!amended.ok) throw new Error('amended form');
    const current = (await as('cityEditor', (rdb) => findProcess(rdb, id)))!;
    expect(
      (
        await as('cityEditor', (rdb) =>
          amendNotice(rdb, {
            plan: current.plan,
            current: current.notice!,
            criteria: current.criteria,
            notice: amended.input,
          }),
        )
      ).ok,
    ).toBe(true);
    const afterAmendment = await as('anon', (rdb) => findProcess(rdb, id));
    expect(afterAmendment?.amendments).toHaveLength(1);
    expect(afterAmendment?.amendments[0]!.description).toMatch(/^Deadline: /);

    // The deadline passes: responses are refused, the tender is recorded.
    await letNoticeDeadlinePass(db, id);
    const late = await as('orgMember', (rdb) =>
      askQuestion(rdb, { processId: id, organizationId: sensorwerk, body: 'Is it too late?' }),
    );
    expect(late).toEqual({
      ok: false,
      errors: [{ field: 'form', message: 'procurement.error.deadlinePassed' }],
    });
    let state = (await as('cityEditor', (rdb) => findProcess(rdb, id)))!;
    expect(
      (
        await as('cityEditor', (rdb) =>
          recordTender(rdb, {
            plan: state.plan,
            notice: state.notice,
            method: 'direct',
            rationale: '',
            now: new Date(),
          }),
        )
      ).ok,
    ).toBe(false);
    expect(
      (
        await as('cityEditor', (rdb) =>
          recordTender(rdb, {
            plan: state.plan,
            notice: state.notice,
            method: 'open',
            rationale: '',
            now: new Date(),
          }),
        )
      ).ok,
    ).toBe(true);
    state = (await as('cityEditor', (rdb) => findProcess(rdb, id)))!;
    expect(
      (
        await as('cityEditor', (rdb) =>
          recordBid(rdb, {
            plan: state.plan,
            organizationId: sensorwerk,
            bidderName: '',
            amount: 240000,
            currency: 'EUR',
            summary: 'Sensors at 12 crossings.',
            receivedOn: isoDate(new Date()),
          }),
        )
      ).ok,
    ).toBe(true);
    expect(
      (
        await as('cityEditor', (rdb) =>
          recordBid(rdb, {
            plan: state.plan,
            organizationId: null,
            bidderName: 'Walkable Streets Co-op',
            amount: 180000,
            currency: 'EUR',
            summary: 'Painted crossings and lights.',
            receivedOn: isoDate(new Date()),
          }),
        )
      ).ok,
    ).toBe(true);
    const bids = await as('cityEditor', (rdb) => listBids(rdb, id));
    expect(bids).toHaveLength(2);
    // The bidder sees its own bid only; others none.
    expect((await as('orgMember', (rdb) => listBids(rdb, id))).map((b) => b.bidderName)).toEqual([
      bids.find((b) => b.organizationId === sensorwerk)!.bidderName,
    ]);
    expect(await as('coordinator', (rdb) => listBids(rdb, id))).toEqual([]);

    // An award to a supplier that did not bid needs a reason.
    const awardInput = {
      supplierName: 'Someone Else Ltd',
      amount: 200000,
      currency: 'EUR',
      valueUsd: 216000,
      awardedOn: isoDate(new Date()),
      justification: 'Best value for the routes.',
      nonBidderReason: '',
    };
    const toNonBidder = await as('cityEditor', (rdb) =>
      awardProcess(rdb, {
        plan: state.plan,
        current: null,
        today: isoDate(new Date()),
        award: { ...awardInput, supplier: 'other' },
      }),
    );
    expect(toNonBidder).toEqual({
      ok: false,
      errors: [{ field: 'non_bidder_reason', message: 'procurement.error.nonBidderReason' }],
    });
    const walkable = bids.find((b) => b.organizationId === null)!;
    expect(
      (
        await as('cityEditor', (rdb) =>
          awardProcess(rdb, {
            plan: state.plan,
            current: null,
            today: isoDate(new Date()),
            award: { ...awardInput, supplier: `bid:${walkable.id}` },
          }),
        )
      ).ok,
    ).toBe(true);
    const awarded = await as('anon', (rdb) => findProcess(rdb, id));
    expect(awarded?.award?.supplierName).toBe('Walkable Streets Co-op');
    expect(awarded?.parties.map((p) => `${p.role}:${p.name}`).sort()).toEqual(
      [
        `interestedParty:${bids.find((b) => b.organizationId === sensorwerk)!.bidderName}`,
        'tenderer:Walkable Streets Co-op',
        `tenderer:${bids.find((b) => b.organizationId === sensorwerk)!.bidderName}`,
      ].sort(),
    );
    // Bid contents never reach visitors.
    expect(JSON.stringify(awarded)).not.toMatch(/Sensors at 12 crossings/);

    state = (await as('cityEditor', (rdb) => findProcess(rdb, id)))!;
    const today = isoDate(new Date());
    expect(
      (
        await as('cityEditor', (rdb) =>
          recordContract(rdb, {
            plan: state.plan,
            award: state.award,
            today,
            contract: {
              amount: 200000,
              currency: 'EUR',
              periodStart: today,
              periodEnd: isoDate(new Date(Date.now() + 200 * day)),
              signedOn: today,
            },
          }),
        )
      ).ok,
    ).toBe(true);
    state = (await as('cityEditor', (rdb) => findProcess(rdb, id)))!;
    for (const title of ['Crossings painted', 'Lights installed']) {
      expect(
        (
          await as('cityEditor', (rdb) =>
            saveMilestone(rdb, {
              plan: state.plan,
              contract: state.contract,
              today,
              milestone: {
                id: null,
                title,
                description: '',
                dueOn: today,
                status: 'met',
                metOn: today,
              },
            }),
          )
        ).ok,
      ).toBe(true);
    }
    expect(
      (
        await as('cityEditor', (rdb) =>
          closeProcess(rdb, {
            plan: state.plan,
            contract: state.contract,
            closingNote: 'All four routes are safer.',
            lessonsLearned: 'Walk the routes with the children first.',
          }),
        )
      ).ok,
    ).toBe(true);

    const releases = await as('anon', (rdb) => listProcessReleases(rdb, id));
    expect(releases.map((r) => r.tags.join())).toEqual([
      'planning',
      'tender',
      'tenderUpdate',
      'tenderAmendment',
      'tenderUpdate',
      'award',
      'contract',
      'implementation',
      'implementationUpdate',
      'contractTermination',
    ]);
    expect(releases.map((r) => r.releaseId)).toEqual(
      releases.map((_, i) => `ocds-u4sscx-${id}-${String(i + 1).padStart(4, '0')}`),
    );
    const closed = await as('anon', (rdb) => findProcess(rdb, id));
    expect(closed?.plan).toMatchObject({ stage: 'closed', status: 'complete' });
    expect(closed?.milestones.map((m) => m.status)).toEqual(['met', 'met']);
    // Releases are immutable, even for the city's editors.
    const change = await as('cityEditor', async (rdb) => {
      try {
        await rdb.savepoint((tx) =>
          tx.query(
            `update public.procurement_releases set tags = '{planning}' where process_id = $1`,
            [id],
          ),
        );
        return 'changed';
      } catch (error) {
        return (error as { code?: string }).code;
      }
    });
    expect(change).toBe('42501');
  });

  it('cancels a process in evaluation with a reason, for its own city only, as a tenderCancellation', async () => {
    const id = demoProcessId('lakeside-water-meters');
    const plan = (await as('otherCityEditor', (rdb) => findProcess(rdb, id)))!.plan;
    expect(
      await as('cityEditor', (rdb) =>
        cancelProcess(rdb, { plan, reason: 'The budget was withdrawn.' }),
      ),
    ).toEqual({
      ok: false,
      errors: [{ field: 'form', message: 'procurement.error.forbidden' }],
    });
    expect(
      await as('otherCityEditor', (rdb) => cancelProcess(rdb, { plan, reason: 'Too short' })),
    ).toMatchObject({ ok: false });
    expect(
      (
        await as('otherCityEditor', (rdb) =>
          cancelProcess(rdb, { plan, reason: 'The budget was withdrawn.' }),
        )
      ).ok,
    ).toBe(true);
    const releases = await as('anon', (rdb) => listProcessReleases(rdb, id));
    const last = releases[releases.length - 1]!;
    expect(last.tags).toEqual(['tenderCancellation']);
    expect((last.release.tender as { status: string }).status).toBe('cancelled');
    if (ocdsSuite().run) expect(loadOcdsValidators().release(last.release)).toBe(true);
    const listing = await as('anon', (rdb) =>
      listProcesses(rdb, parseProcurementFilters({ status: 'cancelled' }).filters),
    );
    expect(listing.items.map((item) => item.id)).toEqual([id]);
  });

  it('limits an account to 30 responses an hour, and counts only those sent', async () => {
    const id = demoProcessId('fjordby-school-routes');
    const ask = (body: string, organizationId = sensorwerk) =>
      as('orgMember', (rdb) => askQuestion(rdb, { processId: id, organizationId, body }));
    // The story above sent responses too: start from no count (as the owner).
    await db.query('delete from private.rate_limits');
    // A refused response (an unverified organization) does not count.
    expect((await ask('Refused, not counted', pending)).ok).toBe(false);
    for (let i = 1; i <= 30; i += 1) expect((await ask(`Question number ${i}`)).ok).toBe(true);
    const limited = await ask('One too many');
    expect(limited.ok === false && limited.errors[0]).toMatchObject({
      field: 'form',
      message: 'procurement.error.rateLimited',
    });
  });

  it('keeps releases immutable even for the owner, and lets a deleted city take its processes with it', async () => {
    const code = await db
      .query(`update public.procurement_releases set tags = '{planning}' where sequence = 1`)
      .then(
        () => 'changed',
        (error: { code?: string }) => error.code,
      );
    expect(code).toBe('42501');
    // An admin deletes Lakeside (through the API roles): its process and releases go with it.
    const lakeside = demoProcessId('lakeside-water-meters');
    const deleted = await as('admin', (rdb) =>
      rdb.query(`delete from public.cities where slug = 'demo-lakeside' returning 1`),
    );
    expect(deleted).toHaveLength(1);
    const [left] = await db.query<{ n: number }>(
      'select count(*)::int as n from public.procurement_releases where process_id = $1',
      [lakeside],
    );
    expect(left!.n).toBe(0);
  });

  it('tells the members of verified organizations whose offerings match and who follow a theme, once', async () => {
    const plan = parsePlanForm(
      planFields(`Quiet streets ${target.name}`, { themes: ['environment', 'mobility'] }),
    );
    if (!plan.ok) throw new Error('plan');
    const created = await as('cityEditor', (rdb) =>
      createProcess(rdb, { cityId: fjordby, userId: userIdOf('cityEditor'), plan: plan.input }),
    );
    if (!created.ok) throw new Error('create');
    const draft = (await as('cityEditor', (rdb) => findProcess(rdb, created.id)))!;
    const now = new Date();
    const notice = parseNoticeForm(noticeFields(new Date(now.getTime() + 40 * day)), now);
    if (!notice.ok) throw new Error('notice');
    const published = await as('cityEditor', (rdb) =>
      publishNotice(rdb, { plan: draft.plan, current: null, notice: notice.input, now }),
    );
    // Sensorwerk offers environmental sensors and the Andes fund co-finances
    // mobility (both verified, both follow those themes); only Sensorwerk has
    // members to mail. Pending Mobility offers transport but is not verified.
    expect(published).toEqual({ ok: true, notified: 2 });
    const mails = await db.query<{ to_email: string; body_text: string }>(
      `select to_email, body_text from private.outbox where kind = 'procurement.notice' and body_text like $1 order by to_email`,
      [`%/procurement/${created.id}%`],
    );
    expect(mails.map((m) => m.to_email)).toEqual([
      'colleague@demo.u4ssc.local',
      'partner@demo.u4ssc.local',
    ]);
    expect(mails[0]!.body_text).toContain(`Quiet streets ${target.name}`);
    const told = await db.query<{ slug: string }>(
      `select o.slug from public.procurement_notifications n join public.organizations o on o.id = n.organization_id where n.process_id = $1 order by o.slug`,
      [created.id],
    );
    expect(told.map((t) => t.slug)).toEqual(['demo-andes-urban-fund', 'demo-sensorwerk']);
    // Telling again sends nothing: each organization hears once per process.
    const again = await as('cityEditor', (rdb) =>
      rdb.query<{ n: number }>(
        `select public.queue_procurement_notice_mail($1, array[$2]::uuid[], 's', 'b', 'mailbox') as n`,
        [created.id, sensorwerk],
      ),
    );
    expect(again[0]!.n).toBe(0);
    // Nobody else may use the function.
    const forged = await as('orgMember', async (rdb) =>
      rdb
        .savepoint((tx) =>
          tx.query(
            `select public.queue_procurement_notice_mail($1, array[$2]::uuid[], 's', 'b', 'mailbox')`,
            [created.id, sensorwerk],
          ),
        )
        .then(
          () => 'sent',
          (error: { code?: string }) => error.code,
        ),
    );
    expect(forged).toBe('42501');
  });

  it('mails an organization about the themes its members chose, instead of its offerings', async () => {
    const andes = (
      await db.query<{ id: string }>(
        `select id from public.organizations where slug = 'demo-andes-urban-fund'`,
      )
    )[0]!.id;
    // Another organization's choice is not a member's to make; nothing is saved.
    expect(
      await as('orgMember', (rdb) =>
        followThemes(rdb, {
          organizationId: andes,
          userId: userIdOf('orgMember'),
          themes: ['water'],
        }),
      ),
    ).toEqual({
      ok: false,
      errors: [{ field: 'organization', message: 'procurement.error.organization' }],
    });
    // Sensorwerk's colleague chooses water only: its dashboard says so.
    expect(
      await as('orgColleague', (rdb) =>
        followThemes(rdb, {
          organizationId: sensorwerk,
          userId: userIdOf('orgColleague'),
          themes: ['water', 'water'],
        }),
      ),
    ).toEqual({ ok: true });
    const dashboard = await as('orgMember', async (rdb) => {
      const [own] = await listOpportunities(rdb, [
        { id: sensorwerk, slug: 'demo-sensorwerk', name: 'Sensorwerk', verified: true },
      ]);
      return own!;
    });
    expect(dashboard.followedThemes).toEqual(['water']);
    expect(dashboard.themesChosen).toBe(true);

    const plan = parsePlanForm(
      planFields(`Clean air ${target.name}`, { themes: ['environment', 'mobility'] }),
    );
    if (!plan.ok) throw new Error('plan');
    const created = await as('cityEditor', (rdb) =>
      createProcess(rdb, { cityId: fjordby, userId: userIdOf('cityEditor'), plan: plan.input }),
    );
    if (!created.ok) throw new Error('create');
    const draft = (await as('cityEditor', (rdb) => findProcess(rdb, created.id)))!;
    const now = new Date();
    const notice = parseNoticeForm(noticeFields(new Date(now.getTime() + 40 * day)), now);
    if (!notice.ok) throw new Error('notice');
    // Only the city's editors may read the choices, for their own process.
    expect(
      (
        await as('otherCityEditor', (rdb) =>
          listThemeChoicesForNotice(rdb, created.id, [sensorwerk]),
        )
      ).size,
    ).toBe(0);
    expect(
      await as('cityEditor', (rdb) => listThemeChoicesForNotice(rdb, created.id, [sensorwerk])),
    ).toEqual(new Map([[sensorwerk, ['water']]]));
    const published = await as('cityEditor', (rdb) =>
      publishNotice(rdb, { plan: draft.plan, current: null, notice: notice.input, now }),
    );
    // Sensorwerk's offerings still match, but it no longer follows environment: no mail.
    expect(published).toEqual({ ok: true, notified: 0 });
    const told = await db.query<{ slug: string }>(
      `select o.slug from public.procurement_notifications n join public.organizations o on o.id = n.organization_id where n.process_id = $1 order by o.slug`,
      [created.id],
    );
    expect(told.map((t) => t.slug)).toEqual(['demo-andes-urban-fund']);
    await db.query('delete from public.procurement_theme_follows where organization_id = $1', [
      sensorwerk,
    ]);
  });

  it('lets the people who ran and answered processes delete their accounts; the processes and releases stay', async () => {
    const whoColumns = `
      select (select count(*)::int from public.procurement_processes where created_by = $1)
           + (select count(*)::int from public.procurement_amendments where created_by = $1)
           + (select count(*)::int from public.procurement_questions where asked_by = $1)
           + (select count(*)::int from public.procurement_answers where created_by = $1)
           + (select count(*)::int from public.procurement_interests where submitted_by = $1)
           + (select count(*)::int from public.procurement_bids where created_by = $1)
           + (select count(*)::int from public.procurement_awards where created_by = $1)
           + (select count(*)::int from public.procurement_theme_follows where updated_by = $1) as mine,
             (select count(*)::int from public.procurement_processes) as processes,
             (select count(*)::int from public.procurement_releases) as releases`;
    for (const persona of ['cityEditor', 'orgMember'] as const) {
      const user = userIdOf(persona);
      const [before] = await db.query<{ mine: number; processes: number; releases: number }>(
        whoColumns,
        [user],
      );
      expect(before!.mine).toBeGreaterThan(0);
      const after = await asUser(db, claimsOf(persona), async (tx) => {
        if (persona === 'orgMember') {
          await tx.query(
            `insert into public.procurement_theme_follows (organization_id, themes, updated_by) values ($1, '{water}', auth.uid())`,
            [sensorwerk],
          );
          // The partners' rule: an organization keeps an admin, so the colleague becomes one first.
          await tx.query('reset role');
          await tx.query(
            `insert into public.memberships (user_id, role, organization_id, org_role)
             select $2, 'org_member', organization_id, 'admin' from public.memberships
              where user_id = $1 and role = 'org_member' on conflict do nothing`,
            [user, userIdOf('orgColleague')],
          );
          await tx.query(
            `update public.memberships set org_role = 'admin' where user_id = $1 and role = 'org_member'`,
            [userIdOf('orgColleague')],
          );
          await tx.query("select set_config('role', 'authenticated', true)");
        }
        await tx.query('select private.delete_my_account()');
        await tx.query('reset role');
        return (
          await tx.query<{ mine: number; processes: number; releases: number }>(whoColumns, [user])
        )[0]!;
      });
      expect(after).toEqual({ mine: 0, processes: before!.processes, releases: before!.releases });
    }
  });
});
