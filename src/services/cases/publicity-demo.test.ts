/**
 * Issue #12 item 7 over the demo bureau: no text the public sees about a natural person — the publicity content of
 * every decided case (published or not yet), the portal's list and the act-code lookup — shows a house, building or
 * room number (国办发〔2018〕118号; 《个人信息保护法》第六条), while the road stays. Organizations' addresses stay.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../domain/cases/snapshot.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { caseParties, casePublicity, cases, organizations, powerItems } from '../../db/schema.ts';
import { DEMO_TODAY } from '../../demo/cases.ts';
import { demoDatabase } from '../../demo/testing.ts';
import type { ServiceContext } from '../context.ts';
import { verifyActCode } from './public-lookup.ts';
import { getPublishedDecision, listPublishedDecisions, publicContent, type PublicDecisionContent } from './publicity.ts';

/** A number followed by 号/栋/幢/单元/室, as in "56 号", "3栋", "501室" (ASCII, full-width or Chinese numerals). */
const HOUSE_NUMBER = /[0-9０-９零〇一二两三四五六七八九十百]+\s*(号|栋|幢|单元|室)/;

let handle: DatabaseHandle;
let ctx: ServiceContext;

beforeAll(async () => {
  const { handle: demo, files } = await demoDatabase();
  handle = demo;
  ctx = { db: handle.db, clock: () => new Date(`${DEMO_TODAY}T01:00:00Z`), files };
}, 300_000);
afterAll(() => handle.close());

async function decidedCases() {
  const rows = await ctx.db
    .select({ c: cases, party: caseParties, orgName: organizations.name, violation: powerItems.name })
    .from(cases)
    .innerJoin(caseParties, eq(caseParties.caseId, cases.id))
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .leftJoin(powerItems, eq(powerItems.id, cases.powerItemId));
  return rows.filter((r) => (r.c.record as CaseRecord).decision);
}

describe('house numbers of natural persons in public text (国办发〔2018〕118号; 《个人信息保护法》第六条)', () => {
  it('every demo decision about a person is published without house, building or room numbers; roads stay', async () => {
    const rows = await decidedCases();
    const ofPersons = rows.filter((r) => r.party.kind === 'person');
    expect(ofPersons.length).toBeGreaterThan(3);
    // The demo's own facts do name homes, so the check below is not vacuous.
    expect(ofPersons.some((r) => HOUSE_NUMBER.test(r.c.facts))).toBe(true);
    for (const r of ofPersons) {
      const decision = (r.c.record as CaseRecord).decision!;
      const content = publicContent(r.c, r.party, r.orgName, decision, r.violation);
      for (const text of [content.title, content.facts, content.place ?? '', content.penalty ?? '']) {
        expect(text, r.c.title).not.toMatch(HOUSE_NUMBER);
      }
      expect((await verifyActCode(ctx.db, r.c.actCode)).title).not.toMatch(HOUSE_NUMBER);
    }
    const home = ofPersons.find((r) => r.c.facts.includes('湖滨路 56 号'));
    expect(publicContent(home!.c, home!.party, home!.orgName, (home!.c.record as CaseRecord).decision!, home!.violation).facts).toContain('湖滨路 **号自有住宅');
  });

  it('what the demo stored and the portal lists shows no house number of a person; an organization’s address stays', async () => {
    const stored = await ctx.db.select({ content: casePublicity.content }).from(casePublicity);
    expect(stored.length).toBeGreaterThan(0);
    const page = await listPublishedDecisions(ctx, { pageSize: 50 });
    expect(page.total).toBe(page.items.length);
    const listed = page.items;
    expect(listed.length).toBeGreaterThan(0);
    for (const content of [...stored.map((s) => s.content as (typeof listed)[number]), ...listed]) {
      if (content.party.kind !== 'person') continue;
      for (const text of [content.title, content.facts, content.place ?? '', content.penalty ?? '']) expect(text, content.actCode).not.toMatch(HOUSE_NUMBER);
    }
    const ofOrganizations = (await decidedCases()).filter((r) => r.party.kind === 'organization' && HOUSE_NUMBER.test(r.c.facts));
    expect(ofOrganizations.length).toBeGreaterThan(0);
    for (const r of ofOrganizations) {
      expect(publicContent(r.c, r.party, r.orgName, (r.c.record as CaseRecord).decision!, r.violation).facts).toBe(r.c.facts);
    }
  });

  it('a record published before house numbers were masked is masked when the portal reads it', async () => {
    const [person] = (await ctx.db.select().from(casePublicity).where(eq(casePublicity.status, 'published'))).filter(
      (p) => (p.content as PublicDecisionContent).party.kind === 'person',
    );
    const legacy = { ...(person!.content as PublicDecisionContent), facts: '当事人在东湖区幸福路88号3栋2单元501室门前摆卖。' };
    await ctx.db.update(casePublicity).set({ content: legacy }).where(eq(casePublicity.id, person!.id));
    expect((await getPublishedDecision(ctx, person!.id)).facts).toBe('当事人在东湖区幸福路**号**门前摆卖。');
    const listed = (await listPublishedDecisions(ctx, { pageSize: 50 })).items.find((d) => d.id === person!.id);
    expect(listed?.facts).toBe('当事人在东湖区幸福路**号**门前摆卖。');
  });
});
