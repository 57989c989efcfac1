/**
 * Issue 14's acceptance on the demo data: for every demo case, every document its history makes lawful renders, and
 * nothing else does. The table below says, from what the case recorded (its acts), which documents it has — written
 * apart from the templates' own `count`, so a template that forgets a case, or claims one it should not, fails here.
 * Rendered as document content (no .docx, no PDF): the required fields are checked and the text is built.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../domain/access.ts';
import type { WorkCalendar } from '../../domain/calendar/index.ts';
import { documentTemplates, renderDocumentContent } from '../../domain/documents/catalog.ts';
import type { DocumentCase } from '../../domain/documents/model.ts';
import { AppError } from '../../domain/errors.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { cases } from '../../db/schema.ts';
import { demoDatabase } from '../../demo/testing.ts';
import { loadWorkCalendar } from '../calendar.ts';
import { getCaseSettings } from '../cases/case-settings.ts';
import { getCase } from '../cases/get-case.ts';
import { readCaseTrail } from '../cases/case-timeline.ts';
import type { ServiceContext } from '../context.ts';
import { caseViewToDocumentCase, type CaseWithTrail, stepsTaken } from './case-to-document.ts';
import { caseSerial } from './render-for-case.ts';

const took = (v: CaseWithTrail, action: string) => stepsTaken(v, action).length > 0;

/** Template name → whether the case's recorded acts make it a document of the case (《行政处罚法》 and the document set). */
const lawful: Record<string, (v: CaseWithTrail) => boolean> = {
  立案审批表: (v) => v.record.filing !== null,
  不予立案审批表: (v) => v.record.decline !== null,
  不予立案告知书: (v) => v.record.decline !== null,
  撤销立案审批表: (v) => took(v, 'withdrawFiling'),
  中止调查审批表: (v) => took(v, 'suspend'),
  恢复调查审批表: (v) => took(v, 'resume'),
  终止调查审批表: (v) => took(v, 'terminate'),
  先行登记保存证据通知书: (v) => v.record.preservations.length > 0,
  先行登记保存物品处理决定书: (v) => v.record.preservations.some((p) => p.decidedOn !== null),
  '现场检查（勘验）笔录': (v) => (v.record.inspections?.length ?? 0) > 0,
  询问笔录: (v) => (v.record.inquiries?.length ?? 0) > 0,
  '责令（限期）改正通知书': (v) => (v.record.correctionOrders?.length ?? 0) > 0,
  案件调查终结报告: (v) => v.record.investigation.closedOn !== null,
  法制审核意见书: (v) => v.record.legalReviews.length > 0,
  重大案件集体讨论笔录: (v) => v.record.collectiveDiscussion !== null,
  // One notice, one number: with hearing rights it is the 听证告知书, otherwise the 事先告知书.
  行政处罚事先告知书: (v) => v.record.notice !== null && !v.record.notice.hearingOffered,
  行政处罚听证告知书: (v) => v.record.notice?.hearingOffered === true,
  行政处罚听证通知书: (v) => Boolean(v.record.hearing?.hearingOn),
  行政处罚听证笔录: (v) => Boolean(v.record.hearing?.heldOn),
  陈述申辩笔录: (v) => v.record.statements.length > 0,
  陈述申辩复核意见书: (v) => v.record.statements.some((s) => !s.waived && s.content.trim() !== ''),
  行政处罚决定审批表: (v) => v.record.decision !== null && v.procedure === 'ordinary',
  行政处罚决定书: (v) => v.record.decision?.kind === 'penalty' && v.procedure === 'ordinary',
  不予行政处罚决定书: (v) => v.record.decision?.kind === 'noPenalty',
  当场行政处罚决定书: (v) => v.procedure === 'simple' && v.record.decision !== null,
  送达回证: (v) => (v.record.services?.length ?? 0) > 0,
  催告书: (v) => (v.record.reminders?.length ?? 0) > 0,
  '延期（分期）缴纳罚款审批表': (v) => (v.record.instalments?.length ?? 0) > 0,
  '延期（分期）缴纳罚款决定书': (v) => (v.record.instalments?.length ?? 0) > 0,
  强制执行申请书: (v) => v.record.courtEnforcement !== null,
  案件移送函: (v) => v.record.sideExit?.action === 'transfer' || v.record.decision?.kind === 'transferJudicial',
  // 简易程序: the on-spot decision is filed with the agency (第五十二条), no 结案报告.
  行政处罚案件结案报告: (v) => v.record.closing !== null && v.procedure === 'ordinary',
  案卷封面: (v) => v.record.archive !== null,
  卷内目录: (v) => v.record.archive !== null,
};
/**
 * Gaps still open, each a case and a document: the test fails when a new one appears and when one listed here is
 * fixed (remove it then), so the list only shrinks. None is open.
 */
const KNOWN_GAPS = new Set<string>([]);

/** The cover and the contents print the bound volume's page numbers: only their applicability is checked here. */
const VOLUME_ONLY = new Set(['案卷封面', '卷内目录']);

let handle: DatabaseHandle;
let ctx: ServiceContext;
const demo: { title: string; view: CaseWithTrail; doc: DocumentCase }[] = [];
let calendar: WorkCalendar;

beforeAll(async () => {
  const { handle: h, files } = await demoDatabase();
  handle = h;
  ctx = { db: handle.db, clock: () => new Date('2026-11-13T04:00:00Z'), files };
  calendar = await loadWorkCalendar(ctx.db);
  // Sequential: one PGlite connection.
  for (const row of await ctx.db.select({ id: cases.id, title: cases.title }).from(cases).orderBy(cases.id)) {
    const view = { ...(await getCase(ctx, systemActor, row.id, ctx.clock())), timeline: await readCaseTrail(ctx, systemActor, row.id) };
    const { effective } = await getCaseSettings(ctx, systemActor, view.organization.id);
    demo.push({ title: row.title, view, doc: caseViewToDocumentCase(view, effective, undefined, (await caseSerial(ctx.db, row.id)) ?? undefined) });
  }
}, 300_000);
afterAll(() => handle.close());

describe('the lawful documents of every demo case (issue 14)', () => {
  it('has a row for every template of the catalog', () => {
    expect(Object.keys(lawful).sort()).toEqual(documentTemplates.map((t) => t.name).sort());
    expect(demo.length).toBeGreaterThanOrEqual(25);
  });

  it('every document a case’s acts make lawful renders; every other one is refused as not applicable', () => {
    const problems: string[] = [];
    for (const { title, view, doc } of demo) {
      for (const template of documentTemplates) {
        const expected = lawful[template.name]!(view);
        const has = template.count(doc) > 0;
        if (expected !== has) {
          problems.push(`${title}：《${template.name}》${expected ? '应有而模板认为不适用' : '不应有而模板认为适用'}`);
          continue;
        }
        if (VOLUME_ONLY.has(template.name)) continue;
        for (let instance = 0; instance < Math.max(1, template.count(doc)); instance++) {
          try {
            renderDocumentContent(doc, template, { calendar }, instance);
            if (!expected) problems.push(`${title}：《${template.name}》不适用却生成了`);
          } catch (error) {
            const notApplicable = error instanceof AppError && error.details?.notApplicable !== undefined;
            if (expected || !notApplicable) problems.push(`${title}：《${template.name}》${instance > 0 ? `第${String(instance + 1)}份` : ''}未能生成：${(error as Error).message}`);
          }
        }
      }
    }
    const gap = (p: string) => p.slice(0, p.indexOf('》') + 1);
    expect(problems.filter((p) => !KNOWN_GAPS.has(gap(p)))).toEqual([]);
    // A gap fixed is taken off the list.
    expect([...KNOWN_GAPS].filter((g) => !problems.some((p) => gap(p) === g))).toEqual([]);
  });

  it('罚决字 numbers follow the decision dates in each bureau (the demo takes every case’s acts in date order)', () => {
    const decisions = demo
      .map(({ view }) => view.decision)
      .filter((d) => d?.number?.includes('罚决字'))
      .map((d) => ({ on: d!.decidedOn, prefix: d!.number!.replace(/〔.*$/, ''), seq: Number(/〔\d{4}〕(\d+)号/.exec(d!.number!)?.[1]) }));
    expect(decisions.length).toBeGreaterThanOrEqual(5);
    for (const prefix of new Set(decisions.map((d) => d.prefix))) {
      const byDate = decisions.filter((d) => d.prefix === prefix).sort((a, b) => a.on.localeCompare(b.on) || a.seq - b.seq);
      expect(byDate.map((d) => d.seq), prefix).toEqual(byDate.map((d) => d.seq).sort((a, b) => a - b));
    }
  });
});
