/**
 * The case engine records one penalty description for all kinds; the 行政处罚决定书 states each penalty imposed
 * (《行政处罚法》第五十九条第一款第（三）项), so each numbered item prints its own content only — a fine plus 责令停产停业
 * must not print the fine again under item 2, where it reads as a second fine.
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../domain/calendar/index.ts';
import type { Penalty } from '../../domain/cases/model.ts';
import { documentText } from '../../domain/documents/blocks.ts';
import { findTemplate, renderDocumentContent } from '../../domain/documents/catalog.ts';
import { buildDocumentCase } from '../../domain/documents/fixtures.ts';
import { refusal } from '../../domain/test-support.ts';
import { penaltyItems } from './case-to-document.ts';

function penalty(kinds: Penalty['kinds'], fineYuan: number | null, description: string): Penalty {
  return {
    kinds,
    fineFen: fineYuan === null ? null : fineYuan * 100,
    confiscationFen: null,
    description,
    basis: '《城市市容和环境卫生管理条例》第三十六条',
    tier: null,
    range: null,
    benchmarkVersion: null,
    outsideRangeReason: null,
  };
}

function decisionText(p: Penalty): string {
  const base = buildDocumentCase();
  const c = buildDocumentCase({ decision: { ...base.decision!, penalties: penaltyItems(p) } });
  return documentText(renderDocumentContent(c, findTemplate('行政处罚决定书'), { calendar: new WorkCalendar() }));
}

describe('penalty items of the 决定书 (《行政处罚法》第五十九条第一款第（三）项)', () => {
  it('每项处罚只写本项内容: a fine plus 责令停产停业 prints the fine once', () => {
    const text = decisionText(penalty(['fine', 'suspendBusiness'], 30000, '罚款人民币30000元，并责令停业整治。'));
    expect(text).toContain('1. 罚款人民币叁万元整（¥30,000.00）；');
    expect(text).toContain('2. 责令停产停业：责令停业整治。');
    expect(text).not.toContain('责令停产停业：罚款');
    expect(text.match(/罚款人民币/g)?.length).toBe(1);
  });

  it('splits at 并/并处 without punctuation and gives each non-money kind its own clause', () => {
    expect(penaltyItems(penalty(['fine', 'confiscateProperty', 'suspendBusiness'], 800, '没收烧烤工具，并处罚款人民币800元并责令停业整治三日'))).toEqual([
      { kind: 'fine', amount: 800 },
      { kind: 'confiscateIllegalProperty', detail: '没收烧烤工具' },
      { kind: 'suspendProduction', detail: '责令停业整治三日' },
    ]);
    expect(penaltyItems(penalty(['warning', 'fine'], 20000, '警告，并处罚款人民币20000元'))).toEqual([{ kind: 'warning' }, { kind: 'fine', amount: 20000 }]);
  });

  it('an item the description does not name gets no other item’s content: the decision refuses naming it', () => {
    expect(penaltyItems(penalty(['fine', 'suspendBusiness'], 30000, '罚款人民币30000元'))).toEqual([
      { kind: 'fine', amount: 30000 },
      { kind: 'suspendProduction' },
    ]);
    expect(refusal(() => decisionText(penalty(['fine', 'suspendBusiness'], 30000, '罚款人民币30000元'))).message).toContain('第2项处罚（责令停产停业）缺少具体内容');
  });
});
