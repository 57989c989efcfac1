/**
 * No-penalty and first-violation exemptions. The statute's own grounds are always checked; published list items
 * (首违不罚清单, 轻微免罚清单 …) add local commitments on top of them.
 *
 *   第三十条  under 14: no penalty (14–18: lighter or reduced — reported, not an exemption)
 *   第三十一条 a mentally ill or intellectually disabled person unable to recognise or control the act: no penalty;
 *             one who had not wholly lost that ability: may be lighter or reduced (reported, not an exemption)
 *   第三十三条第一款 minor + corrected in time + no harm: no penalty (mandatory);
 *             first violation + slight harm + corrected in time: may be waived (discretionary)
 *   第三十三条第二款 no fault proven: no penalty
 *   第三十三条第三款 whoever is not penalised is educated — always recorded
 *   第三十六条 discovered after the limitation period: no longer penalised
 */
import { articles, discretionRules } from './config.ts';
import type { CaseFacts, Clause, ExemptionItem } from './model.ts';
import { CaseFactsSchema } from './model.ts';
import { describeCondition, evaluateClause, evaluateConditions } from './evaluate.ts';
import { sourceTitle } from './versions.ts';
import { validationError } from '../errors.ts';

export interface ExemptionGround {
  /** statute: a ground of the law itself; list: a published exemption list item. */
  origin: 'statute' | 'list';
  article: string;
  text: string;
  /** true: 不予处罚 is required; false: 可以不予处罚 (the deciding officer may still penalise, with reasons). */
  mandatory: boolean;
  itemId?: string;
  commitmentRequired?: boolean;
}

export interface PendingGround {
  origin: 'statute' | 'list';
  article: string;
  text: string;
  itemId?: string;
  unresolved: string[];
}

export interface ExemptionAssessment {
  /** noPenalty: must not be penalised; mayWaive: may be waived; none: no ground established. */
  outcome: 'noPenalty' | 'mayWaive' | 'none';
  grounds: ExemptionGround[];
  pending: PendingGround[];
  /** Grounds for a lighter penalty that are not exemptions (第三十条 ages 14–18). */
  lighter: string[];
  /** 第三十三条第三款: education is due whenever the party is not penalised. */
  educationRequired: boolean;
  /** A matched list item requires a signed 告知承诺书. */
  commitmentRequired: boolean;
  explanation: string;
}

/** 《行政处罚法》第三十一条第二句: a lighter or reduced penalty is possible, not required. */
export const limitedCapacityGround = `${articles.mentalState}第二句：尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人有违法行为的，可以从轻或者减轻行政处罚`;

interface StatutoryGround {
  article: string;
  text: string;
  mandatory: boolean;
  clause: Clause;
}

const statutoryGrounds: StatutoryGround[] = [
  {
    article: articles.minors,
    text: '违法行为人违法时不满十四周岁',
    mandatory: true,
    clause: { text: '不满十四周岁', all: [{ kind: 'age', text: '违法时不满十四周岁', max: discretionRules.noPenaltyBelowAge }] },
  },
  {
    article: articles.mentalState,
    text: '精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为',
    mandatory: true,
    clause: { text: '精神病人、智力残疾人', all: [{ kind: 'flag', text: '不能辨认或者不能控制自己行为', flag: 'mentalIncapacity', value: true }] },
  },
  {
    article: articles.exemption,
    text: '违法行为轻微并及时改正，没有造成危害后果',
    mandatory: true,
    clause: {
      text: '违法行为轻微并及时改正，没有造成危害后果',
      all: [
        { kind: 'minorViolation', text: '违法行为轻微', value: true },
        { kind: 'corrected', text: '及时改正', value: true },
        { kind: 'harm', text: '没有造成危害后果', levels: ['none'] },
      ],
    },
  },
  {
    article: articles.noFault,
    text: '当事人有证据足以证明没有主观过错',
    mandatory: true,
    clause: { text: '没有主观过错', all: [{ kind: 'flag', text: '有证据足以证明没有主观过错', flag: 'noFault', value: true }] },
  },
  {
    article: articles.limitation,
    text: '违法行为在法定期限内未被发现',
    mandatory: true,
    clause: { text: '超过追责时效', all: [{ kind: 'flag', text: '违法行为在二年内未被发现', flag: 'beyondLimitation', value: true }] },
  },
  {
    article: articles.exemption,
    text: '初次违法且危害后果轻微并及时改正',
    mandatory: false,
    clause: {
      text: '初次违法且危害后果轻微并及时改正',
      all: [
        { kind: 'occurrence', text: '初次违法', min: 1, max: 1 },
        { kind: 'harm', text: '危害后果轻微', levels: ['none', 'slight'] },
        { kind: 'corrected', text: '及时改正', value: true },
      ],
    },
  },
];

/** Whether a matched list item binds (不予处罚) or only permits (可以不予处罚) — the statute decides which. */
function listItemMandatory(item: ExemptionItem): boolean {
  return item.type !== 'firstViolation';
}

function listItemArticle(item: ExemptionItem): string {
  if (item.type === 'educationInstead') return item.basis || sourceTitle(item.source.name);
  return `${articles.exemption}；${sourceTitle(item.source.name)}`;
}

/**
 * Assesses the exemptions for a case: the statute's grounds and the given list items (pass the items listed for
 * the case's violation, e.g. from findExemptionItems). Throws VALIDATION on malformed facts.
 */
export function assessExemption(items: ExemptionItem[], rawFacts: CaseFacts): ExemptionAssessment {
  const parsed = CaseFactsSchema.safeParse(rawFacts);
  if (!parsed.success) throw validationError('案件事实不符合要求', { issues: parsed.error.issues });
  const facts = parsed.data;
  const grounds: ExemptionGround[] = [];
  const pending: PendingGround[] = [];

  for (const ground of statutoryGrounds) {
    const evaluation = evaluateClause(ground.clause, facts);
    if (evaluation.truth === 'met') grounds.push({ origin: 'statute', article: ground.article, text: ground.text, mandatory: ground.mandatory });
    else if (evaluation.truth === 'unknown') {
      pending.push({ origin: 'statute', article: ground.article, text: ground.text, unresolved: evaluation.unknown.map((leaf) => describeCondition(leaf, facts)) });
    }
  }
  for (const item of items) {
    const evaluation = evaluateConditions(item.conditions, facts);
    const text = `${sourceTitle(item.source.name)}序号${item.code}「${item.matter}」（${item.typeText}）：${evaluation.clause.text}`;
    if (evaluation.truth === 'met') {
      grounds.push({
        origin: 'list',
        article: listItemArticle(item),
        text,
        mandatory: listItemMandatory(item),
        itemId: item.id,
        commitmentRequired: item.commitmentRequired,
      });
    } else if (evaluation.truth === 'unknown') {
      pending.push({ origin: 'list', article: listItemArticle(item), text, itemId: item.id, unresolved: evaluation.unknown.map((leaf) => describeCondition(leaf, facts)) });
    }
  }

  const lighter: string[] = [];
  if (facts.partyKind === 'person' && facts.age !== undefined && facts.age >= discretionRules.noPenaltyBelowAge && facts.age < discretionRules.lighterBelowAge) {
    lighter.push(`${articles.minors}：已满十四周岁不满十八周岁的未成年人有违法行为的，应当从轻或者减轻行政处罚`);
  }
  if (facts.partyKind === 'person' && facts.limitedCapacity === true && facts.mentalIncapacity !== true) {
    lighter.push(limitedCapacityGround);
  }
  const outcome = grounds.some((g) => g.mandatory) ? 'noPenalty' : grounds.length > 0 ? 'mayWaive' : 'none';
  const commitmentRequired = grounds.some((g) => g.commitmentRequired === true);
  const sentences: string[] = [];
  if (outcome === 'noPenalty') {
    const decisive = grounds.filter((g) => g.mandatory);
    sentences.push(`应当不予行政处罚：${decisive.map((g) => `${g.text}（${g.article}）`).join('；')}。`);
  } else if (outcome === 'mayWaive') {
    sentences.push(`可以不予行政处罚：${grounds.map((g) => `${g.text}（${g.article}）`).join('；')}。如决定处罚，应当说明理由。`);
  } else {
    sentences.push('未发现不予行政处罚的情形，按裁量基准处罚。');
  }
  if (commitmentRequired) sentences.push('适用本地免罚清单的，当事人应当签署告知承诺书。');
  if (outcome !== 'none') sentences.push(`不予处罚的，应当依照${articles.education}对当事人进行教育，并记录在案。`);
  if (outcome !== 'noPenalty' && pending.length > 0) {
    sentences.push(`尚待确认：${pending.map((p) => `${p.text}（需确认：${p.unresolved.join('、')}）`).join('；')}。`);
  }
  if (lighter.length > 0) sentences.push(`另：${lighter.join('；')}。`);
  return { outcome, grounds, pending: outcome === 'noPenalty' ? [] : pending, lighter, educationRequired: outcome !== 'none', commitmentRequired, explanation: sentences.join('') };
}

function bigrams(text: string): Set<string> {
  const clean = text.replace(/[的对和或者、，。（）()《》\s]/g, '');
  const grams = new Set<string>();
  for (let i = 0; i < clean.length - 1; i++) grams.add(clean.slice(i, i + 2));
  return grams;
}

/** Dice similarity of character bigrams: enough to match 事项 wording across lists of different cities. */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** Exemption items whose 事项 resembles the violation, best first. */
export function findExemptionItems(items: ExemptionItem[], violationName: string, minSimilarity = 0.3): ExemptionItem[] {
  return items
    .map((item) => ({ item, score: textSimilarity(item.matter, violationName) }))
    .filter((x) => x.score >= minSimilarity)
    .sort((a, b) => b.score - a.score)
    .map((x) => x.item);
}
