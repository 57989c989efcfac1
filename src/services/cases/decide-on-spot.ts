/**
 * 简易程序 (《行政处罚法》第五十一条、第五十二条): facts certain, a legal basis, and a warning or a fine of at most
 * 200 元 (person) / 3,000 元 (organization) — decided on the spot by two certified officers, the numbered
 * decision handed over at once (so it is served), then reported to the agency (the record is in the system).
 */
import { eq } from 'drizzle-orm';
import { type Actor, isSystem } from '../../domain/access.ts';
import { assertMay } from '../../domain/policy.ts';
import { casePolicy } from '../../domain/cases/policy.ts';
import { validateParty } from '../../domain/cases/parties.ts';
import {
  assertBasisCitesPenaltyProvision,
  assertNoSecondFine,
  assertNotUnderFourteen,
  assertOnPowerList,
  assertSimpleProcedureAllowed,
  assertTwoCertifiedOfficers,
  assertWithinLimitation,
  paymentDeadline,
} from '../../domain/cases/rules.ts';
import type { Penalty } from '../../domain/cases/model.ts';
import { emptyCaseRecord } from '../../domain/cases/snapshot.ts';
import { caseParties, cases, powerItems } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { checkCaseStatutoryLimit, lawFacts, statutoryDetails } from '../discretion/case-discretion.ts';
import { loadWorkCalendar } from '../calendar.ts';
import { type ServiceContext, inTransaction } from '../context.ts';
import { getOrganization } from '../organizations.ts';
import { parseInput } from '../parse-input.ts';
import { issueDocument, loadOfficers, loadPowerItem, loadPriorFines, newActCode, setDeadline, settingsFor, todayOf } from './case-store.ts';
import { type CaseView, getCase } from './get-case.ts';
import { createPublicity, decidingOrgan, mustPublish, publicContent } from './publicity.ts';
import { checkActDates, onSpotInput } from '../../domain/cases/registration.ts';

// The input schema lives in the domain, shared with the web form.
export { onSpotInput, type OnSpotInput } from '../../domain/cases/registration.ts';

export async function decideOnSpot(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<CaseView> {
  assertMay(actor, casePolicy.decideOnSpot);
  const input = parseInput(onSpotInput, raw);
  const now = ctx.clock();
  const today = todayOf(ctx.clock);
  assertMay(actor, casePolicy.decideOnSpot, input);
  // Decided on the spot: discovered today.
  checkActDates(input, today);
  const party = validateParty(input.party, today);
  // No discretion benchmark on the spot (docs/DISCRETION.md): the penalty records none.
  const penalty: Penalty = { ...input.penalty, tier: null, range: null, benchmarkVersion: null, outsideRangeReason: null };
  const act = { startedOn: input.actStartedOn, endedOn: input.actEndedOn };
  // Read before the transaction: PGlite is one connection, and loadWorkCalendar runs its queries in parallel.
  const calendar = await loadWorkCalendar(ctx.db);
  const org = await getOrganization(ctx, actor, input.organizationId ?? (isSystem(actor) ? 0 : actor.organizationId));
  // Before the transaction: the number comes from a block reserved outside it (unique, not gapless).
  const actCode = await newActCode(ctx.db, org, Number(today.slice(0, 4)), 'simple');
  return inTransaction(ctx, async (tx) => {
    // 第五十一条: 违法事实确凿并有法定依据 — the violation must be one this organization may penalize.
    assertOnPowerList(await loadPowerItem(tx, org, input.powerItemId));
    const [provision] = await tx.select({ text: powerItems.penaltyProvision }).from(powerItems).where(eq(powerItems.id, input.powerItemId));
    assertBasisCitesPenaltyProvision(penalty.basis, provision?.text ?? null);
    assertWithinLimitation(act, input.harmsSafety, today);
    assertSimpleProcedureAllowed(penalty, party.kind);
    assertTwoCertifiedOfficers(await loadOfficers(tx, input.officerIds, null), today);
    assertNotUnderFourteen(party, act, penalty);
    // 法定处罚幅度 of the violation: never above it, and on the spot never below it (no 减轻 in the simple procedure).
    const lawful = { caseId: 0, organizationId: org.id, orgPath: org.path, party, powerItemId: input.powerItemId, actStartedOn: input.actStartedOn };
    const statutory = await checkCaseStatutoryLimit(tx, input.powerItemId, await lawFacts(tx, lawful, undefined), penalty.fineFen, { simpleProcedure: true });
    assertNoSecondFine(penalty, act, await loadPriorFines(tx, 0, party.identityKey, input.powerItemId));

    const resolved = await settingsFor(tx, org);
    const fine = penalty.fineFen ?? 0;
    const record = emptyCaseRecord();
    record.proposal = { kind: 'penalty', penalty: penalty, ground: null, education: null, transferReason: null };
    record.service = { on: today, method: 'direct' };
    const due = fine > 0 ? paymentDeadline(calendar, today, null) : null;
    const dueOn = due?.dueOn ?? null;
    const [row] = await tx
      .insert(cases)
      .values({
        organizationId: org.id,
        procedure: 'simple',
        state: fine > 0 ? 'enforcing' : 'served',
        actCode,
        clueSource: 'patrol',
        title: input.title,
        facts: input.facts,
        place: input.place,
        actStartedOn: input.actStartedOn,
        actEndedOn: input.actEndedOn,
        harmsSafety: input.harmsSafety,
        discoveredOn: today,
        registeredOn: today,
        lastActedOn: today,
        powerItemId: input.powerItemId,
        officerIds: [...new Set(input.officerIds)],
        registeredBy: actor.userId,
        decisionKind: 'penalty',
        decidedOn: today,
        decisionStatus: 'inForce',
        fineFen: fine || null,
        paymentDueOn: dueOn,
        record,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const created = row!;
    await tx.insert(caseParties).values({ caseId: created.id, ...party });
    const number = await issueDocument(tx, created.id, resolved, 'simpleDecision', today);
    record.decision = { kind: 'penalty', on: today, number, penalty: penalty, ground: null, education: null, transferReason: null, status: 'inForce', statusChange: null };
    await tx.update(cases).set({ decisionNumber: number, record }).where(eq(cases.id, created.id));
    if (due) await setDeadline(tx, { ...created, created: true }, 'payment', due);
    if (mustPublish('simple', resolved.settings, record.flags)) {
      const partyRow = { id: 0, caseId: created.id, ...party };
      await createPublicity(tx, created, publicContent(created, partyRow, decidingOrgan(org.name, resolved.settings), { number, on: today, penalty, status: 'inForce' }, null), today, calendar, resolved.settings);
    }
    const { party: _party, ...auditable } = input;
    await appendAudit(
      tx,
      actor,
      {
        action: 'case.simpleDecision',
        subjectType: 'case',
        subjectId: created.id,
        organizationId: org.id,
        change: { ...auditable, actCode, decisionNumber: number, paymentDueOn: dueOn, party: { kind: party.kind, name: party.name }, ...(statutory ? { statutoryRange: statutoryDetails(statutory) } : {}) },
      },
      now,
    );
    return getCase({ db: tx }, actor, created.id, now);
  });
}

