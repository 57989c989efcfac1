/**
 * Reads a tier's or an exemption's condition text (适用条件) into clauses of structured conditions. What the
 * reader does not understand becomes a `text` condition, which holds only when the officer confirms it: a
 * misread condition would silently pick a wrong tier, an unread one merely asks a question.
 */
import { numberPattern, parseChineseNumber } from './chinese-number.ts';
import type { AggravatingCircumstance, Clause, Condition, Conditions, LocationClass, QuantityKey } from './model.ts';

type QuantityCondition = Extract<Condition, { kind: 'quantity' }>;

const NUM = numberPattern;

export interface ConditionParseOptions {
  /** The violation the conditions belong to: clauses that merely restate it are not conditions. */
  violationName?: string;
  /** How a numbered list without 之一 combines; exemption lists of statutory grounds are alternatives. */
  listMode?: 'all' | 'any';
}

const ignorablePattern =
  /^(?:经警告后|经批评教育后|但|(?:但)?法律(?:、?行政法规)?另有规定的除外|不予(?:行政)?处罚|依法不予处罚)$/;

const locationWords: [RegExp, LocationClass][] = [
  [/人行道/, 'sidewalk'],
  [/主车道/, 'main_lane'],
  [/辅道/, 'aux_lane'],
  [/主要街道|窗口地段/, 'main_street'],
  [/小街小巷/, 'back_street'],
];

const aggravatingWords: [RegExp, AggravatingCircumstance][] = [
  [/威胁|恐吓|纠缠|推搡|辱骂|殴打/, 'obstruction'],
  [/扰乱正常(?:工作|办公)?秩序/, 'disruption'],
  [/较大影响|严重后果/, 'seriousImpact'],
];

const unitKeys: Record<string, QuantityKey> = {
  平方米: 'area_m2',
  '㎡': 'area_m2',
  立方米: 'volume_m3',
  处: 'places',
  只: 'animals',
  辆: 'vehicles',
  日: 'days',
  天: 'days',
  个月: 'months',
  月: 'months',
  吨: 'tons',
  '%': 'percent',
};
const UNIT = '平方米|㎡|立方米|个月|处|只|辆|日|天|月|吨|%';
const SUFFIX = '或以上|及以上|以上|或以下|及以下|以下|以内';
const COMPARATOR = '不超过|未超过|不高于|不多于|不足|不满|低于|少于|超过|高于|多于|不少于|不低于';

/**
 * How firmly a bound's wording includes its number: 或以上 / 及以下 / 不超过 (2) say it outright, bare 以上 /
 * 以下 (1) include it by 《民法典》第一千二百五十九条, a dash range (0) says nothing. When two tiers of one
 * violation both include a boundary value, the firmer wording keeps it (see resolveBoundaryOverlaps).
 */
export function boundStrength(leaf: QuantityCondition, side: 'min' | 'max'): number {
  const t = leaf.text;
  if (side === 'max' && /或以下|及以下|不超过|未超过|不高于|不多于/.test(t)) return 2;
  if (side === 'min' && /或以上|及以上|不少于|不低于/.test(t)) return 2;
  if (side === 'max' && /以下|以内/.test(t)) return 1;
  if (side === 'min' && /以上/.test(t)) return 1;
  return 0;
}

function quantityLeaves(atom: string): Condition[] {
  const text = atom.replace(new RegExp(`百分之(${NUM})`, 'g'), '$1%');
  const byKey = new Map<QuantityKey, QuantityCondition>();
  const merge = (quantity: QuantityKey, snippet: string, patch: Partial<QuantityCondition>) => {
    const existing = byKey.get(quantity) ?? { kind: 'quantity', text: '', quantity, minInclusive: true, maxInclusive: true };
    byKey.set(quantity, { ...existing, ...patch, text: existing.text === '' ? snippet : `${existing.text}、${snippet}` });
  };
  let rest = text;
  const dash = new RegExp(`(${NUM})(?:${UNIT})?\\s*(?:-|－|—|~|～|至|到)\\s*(${NUM})(${UNIT})`, 'g');
  for (const m of text.matchAll(dash)) {
    const quantity = unitKeys[m[3] ?? ''];
    const min = parseChineseNumber(m[1] ?? '');
    const max = parseChineseNumber(m[2] ?? '');
    if (!quantity || min === undefined || max === undefined) continue;
    merge(quantity, m[0], { min, minInclusive: true, max, maxInclusive: true });
    rest = rest.replace(m[0], '');
  }
  const single = new RegExp(`(${NUM})(${UNIT})(${SUFFIX})?`, 'g');
  const comparator = new RegExp(`(?:${COMPARATOR})`, 'g');
  let previousEnd = 0;
  for (const m of rest.matchAll(single)) {
    const start = m.index;
    const quantity = unitKeys[m[2] ?? ''];
    const value = parseChineseNumber(m[1] ?? '');
    // The comparator may stand a few words before the number (不足刊播总时长百分之十), never across a 、 or ，.
    const window = rest.slice(Math.max(previousEnd, start - 12), start).split(/[，、]/).pop() ?? '';
    previousEnd = start + m[0].length;
    if (!quantity || value === undefined) continue;
    const word = [...window.matchAll(comparator)].pop()?.[0];
    const suffix = m[3];
    const snippet = (word ? window.slice(window.lastIndexOf(word)) + m[0] : m[0]).replace(new RegExp(`(${NUM})%`, 'g'), '百分之$1');
    if (word) {
      if (/不超过|未超过|不高于|不多于/.test(word)) merge(quantity, snippet, { max: value, maxInclusive: true });
      else if (/不足|不满|低于|少于/.test(word)) merge(quantity, snippet, { max: value, maxInclusive: false });
      else if (/不少于|不低于/.test(word)) merge(quantity, snippet, { min: value, minInclusive: true });
      else merge(quantity, snippet, { min: value, minInclusive: false });
    } else if (suffix && /以上/.test(suffix)) merge(quantity, snippet, { min: value, minInclusive: true });
    else if (suffix) merge(quantity, snippet, { max: value, maxInclusive: true });
    else merge(quantity, snippet, { min: value, minInclusive: true, max: value, maxInclusive: true });
  }
  return [...byKey.values()];
}

const chineseOrdinal = String.raw`(?:\d+|[一二两三四五六七八九十]+)`;

/** Every structured reading of one atom; an empty list means the atom was not understood. */
function readAtom(atom: string): Condition[] {
  const leaves: Condition[] = [];
  const push = (leaf: Condition) => leaves.push(leaf);

  const party = /^(个人|单位)/.exec(atom) ?? /的(个人|单位)$/.exec(atom);
  if (party) push({ kind: 'partyKind', text: party[1] ?? '', value: party[1] === '个人' ? 'person' : 'organization' });

  if (/没有严重情节|无严重情节/.test(atom)) {
    push({ kind: 'aggravating', text: atom, codes: ['obstruction', 'disruption', 'seriousImpact'], present: false });
    return leaves;
  }
  if (/没有主观过错|无主观过错/.test(atom)) push({ kind: 'flag', text: atom, flag: 'noFault', value: true });
  if (/精神病人|智力残疾人|不能辨认或者不能控制/.test(atom)) push({ kind: 'flag', text: atom, flag: 'mentalIncapacity', value: true });
  if (/[二两]年内未被发现/.test(atom)) push({ kind: 'flag', text: atom, flag: 'beyondLimitation', value: true });
  if (/积极配合/.test(atom)) push({ kind: 'flag', text: atom, flag: 'cooperative', value: true });

  const ageBelow = new RegExp(`不满(${chineseOrdinal})周岁`).exec(atom);
  const ageFrom = new RegExp(`已满(${chineseOrdinal})周岁`).exec(atom);
  if (ageBelow || ageFrom) {
    const min = ageFrom ? parseChineseNumber(ageFrom[1] ?? '') : undefined;
    const max = ageBelow ? parseChineseNumber(ageBelow[1] ?? '') : undefined;
    push({ kind: 'age', text: atom, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
  }

  const ordinal = new RegExp(`(?:第|发生|查处)(${chineseOrdinal})次(及以上|或以上|以上)?`).exec(atom);
  if (ordinal) {
    const n = parseChineseNumber(ordinal[1] ?? '');
    if (n !== undefined && n > 0) push({ kind: 'occurrence', text: atom, min: n, ...(ordinal[2] ? {} : { max: n }) });
  } else if (/初次|首次/.test(atom)) {
    push({ kind: 'occurrence', text: atom, min: 1, max: 1 });
  }

  if (/(?:违法行为|情节)轻微/.test(atom) && !/危害后果轻微/.test(atom)) push({ kind: 'minorViolation', text: atom, value: true });

  if (/未及时通知|不积极恢复原状/.test(atom)) push({ kind: 'mitigating', text: atom, code: 'eliminatedHarm', value: false });
  else if (/积极恢复原状或赔偿|消除了?危害后果|恢复(?:道路)?原状/.test(atom)) push({ kind: 'mitigating', text: atom, code: 'eliminatedHarm', value: true });

  if (/拒不改正|逾期不改正|逾期未改正|未(?:及时)?(?:改正|纠正)|改正不达标|纠正未达到要求|不改正/.test(atom)) {
    push({ kind: 'corrected', text: atom, value: false });
  } else if (/改正|纠正|整改|停止违法行为/.test(atom)) {
    push({ kind: 'corrected', text: atom, value: true });
  }

  if (/(?:没有|未)造成(?:任何)?危害后果|未对.*造成(?:任何)?损坏/.test(atom)) push({ kind: 'harm', text: atom, levels: ['none'] });
  else if (/危害后果轻微/.test(atom)) push({ kind: 'harm', text: atom, levels: ['none', 'slight'] });
  else if (/不严重影响/.test(atom)) push({ kind: 'harm', text: atom, levels: ['none', 'slight', 'ordinary'] });
  else if (/严重影响/.test(atom)) push({ kind: 'harm', text: atom, levels: ['serious'] });

  for (const [pattern, code] of aggravatingWords) {
    if (pattern.test(atom)) push({ kind: 'aggravating', text: atom, codes: [code], present: true });
  }

  const classes = locationWords.filter(([pattern]) => pattern.test(atom)).map(([, cls]) => cls);
  if (classes.length > 0) push({ kind: 'location', text: atom, classes: [...new Set(classes)] });

  if (!ordinal) leaves.push(...quantityLeaves(atom));
  return leaves;
}

function normalizeForComparison(text: string): string {
  return text.replace(/[的了，。、；\s]/g, '').replace(/^(?:对|在)/, '');
}

/** True when the atom only restates the violation. Violations written as alternatives (或) are not restated. */
function restatesViolation(atom: string, violationName: string | undefined): boolean {
  if (!violationName || /或/.test(violationName)) return false;
  const a = normalizeForComparison(atom);
  return a.length >= 3 && normalizeForComparison(violationName).includes(a);
}

function parseAtoms(text: string, options: ConditionParseOptions): Condition[] {
  const leaves: Condition[] = [];
  // Parenthetical qualifiers (（资料完备，逾期不超过3个月）) are conditions of their own.
  const parentheticals: string[] = [];
  const main = text.replace(/（([^（）]*)）/g, (_all, inner: string) => {
    parentheticals.push(inner);
    return '';
  });
  const atoms = main
    .split(/[，,；;]|且|并(?=及时|能|主动|在)/)
    .map((a) => a.trim().replace(/[。.]$/, '').replace(/^(?:对|但|并|且|能)/, '').replace(/的$/, '').trim())
    .filter((a) => a !== '');
  for (const atom of atoms) {
    if (ignorablePattern.test(atom)) continue;
    const read = readAtom(atom);
    if (read.length > 0) leaves.push(...read);
    else if (!restatesViolation(atom, options.violationName)) leaves.push({ kind: 'text', text: atom });
  }
  for (const inner of parentheticals) {
    const read = parseAtoms(inner, { ...options, violationName: undefined });
    // A parenthetical nobody understands stays one question rather than several fragments.
    leaves.push(...(read.every((leaf) => leaf.kind === 'text') && read.length > 0 ? [{ kind: 'text' as const, text: inner }] : read));
  }
  return leaves;
}

const listMarker = /（\d+）|\(\d+\)|（[一二三四五六七八九十]+）|(?<=^|[；;。\s])\d+[.．、](?!\d)/g;

/** Parses a condition text. Never fails: what cannot be read becomes text conditions. */
export function parseConditions(rawText: string, options: ConditionParseOptions = {}): Conditions {
  const text = rawText.trim();
  const markers = [...text.matchAll(listMarker)];
  if (markers.length >= 2) {
    const first = markers[0]?.index ?? 0;
    const intro = text.slice(0, first).replace(/[：:]\s*$/, '');
    const items = markers.map((m, i) => text.slice((m.index ?? 0) + m[0].length, markers[i + 1]?.index ?? text.length).replace(/[；;。]\s*$/, '').trim());
    const anyOf = /之一|属于/.test(intro) || (options.listMode === 'any' && !/同时/.test(intro));
    const introLeaves = readIntro(intro);
    if (anyOf) {
      const clauses: Clause[] = items.map((item) => ({ text: item, all: withFallback([...introLeaves, ...parseAtoms(item, options)], item) }));
      return { text, mode: 'any', clauses };
    }
    const all = items.flatMap((item) => parseAtoms(item, options));
    return { text, mode: 'all', clauses: [{ text, all: withFallback([...introLeaves, ...all], text) }] };
  }
  // 第二次被处罚，或者随意丢弃、抛撒生活垃圾的: alternatives written inline.
  const alternatives = text.split(/[，；]或者/);
  if (alternatives.length > 1) {
    return { text, mode: 'any', clauses: alternatives.map((alt) => ({ text: alt, all: withFallback(parseAtoms(alt, options), alt) })) };
  }
  return { text, mode: 'all', clauses: [{ text, all: withFallback(parseAtoms(text, options), text) }] };
}

/** An intro such as 个人有以下情形之一 restricts every item to that party kind. */
function readIntro(intro: string): Condition[] {
  if (/个人/.test(intro)) return [{ kind: 'partyKind', text: intro, value: 'person' }];
  if (/单位/.test(intro)) return [{ kind: 'partyKind', text: intro, value: 'organization' }];
  return [];
}

/** Conditions with the same meaning, whatever their wording, are kept once. */
export function uniqueConditions(leaves: Condition[]): Condition[] {
  const seen = new Set<string>();
  return leaves.filter((leaf) => {
    const { text: _text, ...meaning } = leaf;
    // A text condition's meaning is its text.
    const key = leaf.kind === 'text' ? JSON.stringify(leaf) : JSON.stringify(meaning);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Drops repeated readings (an intro and an item both saying 个人), and turns a clause with no condition left —
 * which would hold for every case — into a question.
 */
function withFallback(leaves: Condition[], text: string): Condition[] {
  const unique = uniqueConditions(leaves);
  const meaningful = unique.filter((leaf) => leaf.kind !== 'partyKind');
  return meaningful.length > 0 ? unique : [...unique, { kind: 'text', text }];
}

/**
 * Two tiers of one violation both including a boundary value (5平方米以下 / 5-10平方米 / 10平方米以上, or
 * 二处或以下 / 二处以上五处以下) would make the boundary ambiguous. The firmer wording keeps the value and the
 * other bound becomes exclusive; equally firm wordings are left alone and the engine's tier rule decides.
 */
export function resolveBoundaryOverlaps(tierConditions: Conditions[]): Conditions[] {
  const leavesOf = (c: Conditions) => c.clauses.flatMap((clause) => clause.all).filter((l): l is QuantityCondition => l.kind === 'quantity');
  const exclusive = new Map<QuantityCondition, { min?: true; max?: true }>();
  tierConditions.forEach((a, i) => {
    tierConditions.forEach((b, j) => {
      if (i === j) return;
      for (const upper of leavesOf(a)) {
        for (const lower of leavesOf(b)) {
          if (upper.quantity !== lower.quantity || upper.max === undefined || lower.min === undefined) continue;
          if (upper.max !== lower.min || !upper.maxInclusive || !lower.minInclusive) continue;
          const su = boundStrength(upper, 'max');
          const sl = boundStrength(lower, 'min');
          if (su > sl) exclusive.set(lower, { ...exclusive.get(lower), min: true });
          else if (sl > su) exclusive.set(upper, { ...exclusive.get(upper), max: true });
        }
      }
    });
  });
  if (exclusive.size === 0) return tierConditions;
  const fix = (leaf: Condition): Condition => {
    if (leaf.kind !== 'quantity') return leaf;
    const change = exclusive.get(leaf);
    if (!change) return leaf;
    return { ...leaf, ...(change.min ? { minInclusive: false } : {}), ...(change.max ? { maxInclusive: false } : {}) };
  };
  return tierConditions.map((c) => ({ ...c, clauses: c.clauses.map((clause) => ({ ...clause, all: clause.all.map(fix) })) }));
}
