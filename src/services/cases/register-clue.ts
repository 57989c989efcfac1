import { type Actor, isSystem } from '../../domain/access.ts';
import { assertMay } from '../../domain/policy.ts';
import { casePolicy } from '../../domain/cases/policy.ts';
import { validateParty } from '../../domain/cases/parties.ts';
import { checkActDates, clueInput } from '../../domain/cases/registration.ts';
import { emptyCaseRecord } from '../../domain/cases/snapshot.ts';
import { validationError } from '../../domain/errors.ts';
import { later } from '../../db/later.ts';
import { caseParties, cases } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { type ServiceContext, inTransaction } from '../context.ts';
import { getOrganizationCached } from '../organizations.ts';
import { parseInput } from '../parse-input.ts';
import { countedDeadlineFor } from '../../domain/cases/rules.ts';
import { cachedWorkCalendar } from '../calendar.ts';
import { cachedSettingsFor, newActCode, setDeadline, todayOf } from './case-store.ts';
import { type CaseView, getCase } from './get-case.ts';

// The input schema lives in the domain, shared with the web form (src/domain/cases/registration.ts).
export { clueInput, type ClueInput } from '../../domain/cases/registration.ts';

/** 线索登记: records a clue with its party and gives the case its 行政行为码. Officers, clerks and heads. */
export async function registerClue(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<CaseView> {
  assertMay(actor, casePolicy.registerClue);
  const input = parseInput(clueInput, raw);
  const now = ctx.clock();
  const today = todayOf(ctx.clock);
  if (input.discoveredOn > today) throw validationError('发现日期不能晚于今天');
  checkActDates(input, input.discoveredOn);
  const party = validateParty(input.party, today);
  const orgId = input.organizationId ?? (isSystem(actor) ? null : actor.organizationId);
  if (orgId === null) throw validationError('请指定办案单位');
  const org = await getOrganizationCached(ctx, actor, orgId);
  // Before the transaction: the number comes from a block reserved outside it (unique, not gapless).
  const actCode = await newActCode(ctx.db, org, Number(today.slice(0, 4)), 'ordinary');
  const id = await inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(cases)
      .values({
        organizationId: org.id,
        procedure: 'ordinary',
        state: 'clue',
        actCode,
        clueSource: input.clueSource,
        title: input.title,
        facts: input.facts,
        place: input.place,
        actStartedOn: input.actStartedOn,
        actEndedOn: input.actEndedOn,
        harmsSafety: input.harmsSafety,
        discoveredOn: input.discoveredOn,
        registeredOn: today,
        lastActedOn: today,
        powerItemId: input.powerItemId,
        officerIds: [],
        registeredBy: isSystem(actor) ? null : actor.userId,
        record: emptyCaseRecord(),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: cases.id });
    const id = row!.id;
    // An unknown party's key is the case's own, so no two unknown parties are taken for the same one (第二十九条).
    await later(tx, tx.insert(caseParties).values({ caseId: id, ...party, identityKey: party.kind === 'unknown' ? `unknown:${String(id)}` : party.identityKey }));
    // 立案期限 (local parameter, working days from discovery): shown on the clue, met by filing, declining or transfer.
    const filing = countedDeadlineFor(await cachedWorkCalendar(ctx.db, tx), (await cachedSettingsFor(ctx.db, tx, org)).settings, 'filing', input.discoveredOn);
    await setDeadline(tx, { id, organizationId: org.id, created: true }, 'filing', filing);
    const { idNumber: _id, phone: _phone, party: _party, ...auditable } = { ...input, idNumber: null, phone: null };
    await appendAudit(
      tx,
      actor,
      {
        action: 'case.register',
        subjectType: 'case',
        subjectId: id,
        organizationId: org.id,
        // Identity numbers and contact data stay out of the trail; the party row holds them.
        change: { ...auditable, organizationId: org.id, actCode, party: { kind: party.kind, name: party.name }, filingDueOn: filing.dueOn },
        firstOfChain: true,
      },
      now,
    );
    return id;
  });
  // Read after the commit, through the prepared case view (issue 16): not while the transaction holds its locks.
  return getCase(ctx, actor, id, now);
}
