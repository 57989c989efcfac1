/**
 * What the portal shows of a decision (issue 15): the deciding organ the documents are signed by (a brigade decides
 * in its bureau's name), and the title without 涉嫌 once the violation is decided.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../domain/access.ts';
import { decidedCaseTitle } from '../../domain/cases/registration.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { newCase, newWorld, type World } from '../testing/factories.ts';
import { setCaseSettings } from './case-settings.ts';
import { getPublishedDecision, listPublishedDecisions, onPortalContent, publishDecision } from './publicity.ts';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let ctx: ServiceContext;
let w: World;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date('2026-04-01T01:00:00Z') };
  w = await newWorld(ctx);
});
afterAll(() => handle.close());

describe('published decisions on the portal', () => {
  it('name the deciding organ the documents are signed by, and drop 涉嫌 from the decided case’s title', async () => {
    const bureau = '云城市东湖区城市管理和综合行政执法局';
    await setCaseSettings(ctx, systemActor, w.org.district.id, { agencyName: bureau });
    const c = await newCase(ctx, w, { state: 'decided', title: '涉嫌擅自占用城市道路摆摊设点案' });
    await publishDecision(ctx, w.actors.wanglei, c.id);
    const listed = await listPublishedDecisions(ctx, {});
    const item = listed.items.find((d) => d.actCode === c.actCode)!;
    expect(item.organizationName).toBe(bureau);
    expect(item.title).toBe('擅自占用城市道路摆摊设点案');
    const detail = await getPublishedDecision(ctx, item.id);
    expect(detail).toMatchObject({ organizationName: bureau, title: '擅自占用城市道路摆摊设点案' });
  });

  it('records published before keep their stored title but are shown without 涉嫌', () => {
    const stored = { title: '涉嫌无证经营案', party: { kind: 'organization' } } as Parameters<typeof onPortalContent>[0];
    expect(onPortalContent(stored).title).toBe('无证经营案');
    expect(decidedCaseTitle('涉嫌')).toBe('涉嫌');
    expect(decidedCaseTitle('违法建设案')).toBe('违法建设案');
  });
});
