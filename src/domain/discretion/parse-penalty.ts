/**
 * Reads the two money columns of a benchmark table — 法定处罚幅度 (statutory range) and 处罚标准 (a tier's
 * standard) — into fine components, other penalties and measures. Both columns use the same phrases (对单位处…,
 * 每平方米…元, 情节严重的…, 并处没收…), so one segment reader serves both; the difference is strictness: the
 * statutory column often carries procedure text (责令限期改正, 所需费用由…承担) that may be skipped, while
 * every phrase of a tier standard must be understood, since it is what the engine will impose.
 */
import { numberPattern, parseChineseNumber } from './chinese-number.ts';
import type { FineComponent, LocationClass, OtherPenalty, PartyKind, PenaltyKind, PenaltyStandard, QuantityKey, StatutoryRange } from './model.ts';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const NUM = numberPattern;

/** Words naming the party in 对X处… phrases. Anything else is an unknown party kind and the row is rejected. */
const partyWords: Record<string, PartyKind | 'any'> = {
  单位: 'organization',
  法人: 'organization',
  企业: 'organization',
  经营单位: 'organization',
  个人: 'person',
  自然人: 'person',
  携带者: 'person',
  当事人: 'any',
  违法行为人: 'any',
};

const locationWords: Record<string, LocationClass> = { 辅道: 'aux_lane', 主车道: 'main_lane', 人行道: 'sidewalk' };

/** Unit phrases after 每 in money text; 每处 in a fine means per facility (每处设施, 每处违法设施). */
const perUnitPattern = /每(平方米|㎡|立方米|处(?:违法)?设施|处|只|辆|日|天|吨)/;
const perUnitKeys: Record<string, QuantityKey> = {
  平方米: 'area_m2',
  '㎡': 'area_m2',
  立方米: 'volume_m3',
  处: 'facilities',
  处设施: 'facilities',
  处违法设施: 'facilities',
  只: 'animals',
  辆: 'vehicles',
  日: 'days',
  天: 'days',
  吨: 'tons',
};

const penaltyKeywords: [RegExp, PenaltyKind][] = [
  [/没收违法所得/, 'confiscateIllegalGains'],
  [/没收/, 'confiscateProperty'],
  [/吊销/, 'revokeLicense'],
  [/暂扣/, 'suspendLicense'],
  [/降低资质/, 'lowerQualification'],
  [/停产停业/, 'suspendProduction'],
  [/责令关闭/, 'closeDown'],
  [/限制从业/, 'restrictPractice'],
  [/限制开展生产经营/, 'restrictBusiness'],
  [/通报批评/, 'circulatedCriticism'],
  [/警告/, 'warning'],
];

const measurePattern = /责令|采取补救措施|代为清理|恢复原状/;
/** Procedure or cost text of a 罚则 that carries no penalty of its own. */
const statutoryFillerPattern = /^(?:逾期不改正的?|逾期未改正的?|所需费用.*|.*承担$|可以)$/;

interface Context {
  partyKind?: PartyKind;
  severe?: boolean;
  location?: LocationClass;
}

interface Parsed {
  fines: FineComponent[];
  otherPenalties: OtherPenalty[];
  measures: string[];
  noPenalty: boolean;
  noFine: boolean;
}

type Mode = 'statutory' | 'standard';

function num(text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseChineseNumber(text);
}

/** Removes the leading party / severity / location words of a segment, updating the context. */
function stripPrefixes(segment: string, ctx: Context): ParseResult<string> {
  let rest = segment.replace(/^(?:并|除|另)?(?:可以)?/, '');
  for (let guard = 0; guard < 4; guard++) {
    const before = rest;
    const party = /^对([^处按以给，]{1,8}?)(?=(?:可以)?(?:处|按|给予|并处))/.exec(rest) ?? /^(单位|个人)(?=\d|[零一二两三四五六七八九十]|处|情节|按)/.exec(rest);
    if (party) {
      const word = party[1] ?? '';
      const kind = partyWords[word];
      if (kind === undefined) return { ok: false, reason: `无法识别的当事人类型「${word}」` };
      if (kind !== 'any') ctx.partyKind = kind;
      rest = rest.slice(party[0].length);
    }
    const severe = /^情节严重的?/.exec(rest);
    if (severe) {
      ctx.severe = true;
      rest = rest.slice(severe[0].length);
    }
    const location = /^按?(辅道|主车道|人行道)/.exec(rest);
    if (location) {
      ctx.location = locationWords[location[1] ?? ''];
      rest = rest.slice(location[0].length);
    }
    if (rest === before) break;
  }
  return { ok: true, value: rest };
}

/** Reads the amount of one fine phrase; undefined when the phrase holds no amount. */
function readFine(segment: string, ctx: Context): ParseResult<FineComponent> | undefined {
  const base = {
    ...(ctx.partyKind ? { partyKind: ctx.partyKind } : {}),
    ...(ctx.location ? { location: ctx.location } : {}),
    ...(ctx.severe ? { severeOnly: true } : {}),
  };
  const multiple = new RegExp(`赔偿额(${NUM})倍?(?:至|到|-|—)(${NUM})倍`).exec(segment) ?? new RegExp(`赔偿额(${NUM})倍`).exec(segment);
  if (multiple) {
    const min = num(multiple[1]);
    const max = num(multiple[2] ?? multiple[1]);
    if (min === undefined || max === undefined) return { ok: false, reason: `无法解析倍数「${segment}」` };
    return { ok: true, value: { basis: 'perUnit', unit: 'compensation_yuan', min, max, ...base } };
  }
  const unitMatch = perUnitPattern.exec(segment);
  const unit = unitMatch ? perUnitKeys[unitMatch[1] ?? ''] : undefined;
  const amountText = unitMatch ? segment.replace(unitMatch[0], '') : segment;
  const range = new RegExp(`(${NUM})元?(?:以上|至|到|-|－|—+|~|～)(${NUM})元(?:以下)?`).exec(amountText);
  const limits = /上限|下限/.test(amountText)
    ? { max: new RegExp(`上限(${NUM})`).exec(amountText)?.[1], min: new RegExp(`下限(${NUM})`).exec(amountText)?.[1] }
    : undefined;
  const upTo = new RegExp(`(${NUM})元以下`).exec(amountText);
  const fixed = new RegExp(`(${NUM})元`).exec(amountText);
  let min: number | undefined;
  let max: number | undefined;
  if (range) {
    min = num(range[1]);
    max = num(range[2]);
  } else if (limits) {
    min = limits.min === undefined ? 0 : num(limits.min);
    max = num(limits.max);
  } else if (upTo) {
    min = 0;
    max = num(upTo[1]);
  } else if (fixed) {
    min = num(fixed[1]);
    max = min;
  } else {
    return undefined;
  }
  if (min === undefined || max === undefined) return { ok: false, reason: `无法解析金额「${segment}」` };
  if (min > max) return { ok: false, reason: `罚款下限大于上限（${min}元 > ${max}元）` };
  return {
    ok: true,
    value: unit ? { basis: 'perUnit', unit, min, max, ...base } : { basis: 'total', min, max, ...base },
  };
}

function readPenalties(segment: string): OtherPenalty[] {
  const condition = /^(有违法所得的|牟取利益的|违法所得的)/.exec(segment)?.[1];
  for (const [pattern, kind] of penaltyKeywords) {
    if (pattern.test(segment)) {
      const text = segment.replace(/^(?:并处|并|处以|处|给予|可以给予)/, '');
      return [{ kind, text, ...(condition ? { condition } : {}) }];
    }
  }
  return [];
}

function parseMoneyText(raw: string, mode: Mode): ParseResult<Parsed> {
  const parsed: Parsed = { fines: [], otherPenalties: [], measures: [], noPenalty: false, noFine: false };
  // Parenthetical remarks (（档）, （页面摘录至此截断）) are annotations, not penalty text.
  const text = raw.replace(/（[^（）]*）|\([^()]*\)/g, '').trim();
  if (text === '') return { ok: false, reason: '内容为空' };
  for (const sentence of text.split(/[；;。]/)) {
    const ctx: Context = {};
    const sentenceFines: FineComponent[] = [];
    let cap: number | undefined;
    for (const rawSegment of sentence.split(/[，,]/)) {
      const segment = rawSegment.trim();
      if (segment === '') continue;
      const stripped = stripPrefixes(segment, ctx);
      if (!stripped.ok) return stripped;
      const rest = stripped.value;
      if (rest === '') continue;
      if (/不予(?:行政)?处罚/.test(rest)) {
        parsed.noPenalty = true;
        continue;
      }
      if (/不予罚款/.test(rest)) {
        parsed.noFine = true;
        continue;
      }
      const capMatch = new RegExp(`^总额不(?:超过|得超过|高于)(${NUM})元`).exec(rest);
      if (capMatch) {
        cap = num(capMatch[1]);
        if (cap === undefined) return { ok: false, reason: `无法解析总额上限「${segment}」` };
        continue;
      }
      const penalties = readPenalties(rest);
      if (penalties.length > 0) {
        parsed.otherPenalties.push(...penalties);
        continue;
      }
      // 按辅道每平方米处1000元、主车道每平方米处2000元: alternatives joined by 、, each with its own amount.
      const parts = rest.includes('、') && rest.split('、').every((part) => /元/.test(part)) ? rest.split('、') : [rest];
      let finesRead = 0;
      for (const part of parts) {
        const partCtx: Context = { ...ctx };
        const partText = parts.length > 1 ? stripPrefixes(part, partCtx) : { ok: true as const, value: part };
        if (!partText.ok) return partText;
        const fine = /罚款|元|倍/.test(partText.value) ? readFine(partText.value, partCtx) : undefined;
        if (!fine) continue;
        if (!fine.ok) return fine;
        sentenceFines.push(fine.value);
        finesRead++;
      }
      if (finesRead > 0) continue;
      if (measurePattern.test(rest)) {
        parsed.measures.push(rest.replace(/^(?:由主管部门|由)/, '').replace(/外$/, ''));
        continue;
      }
      if (mode === 'statutory' || statutoryFillerPattern.test(rest)) continue;
      return { ok: false, reason: `无法理解「${segment}」` };
    }
    for (const fine of sentenceFines) parsed.fines.push(cap === undefined || fine.basis === 'total' ? fine : { ...fine, capTotal: cap });
    if (cap !== undefined && sentenceFines.length === 0) return { ok: false, reason: '有总额上限但没有罚款标准' };
  }
  return { ok: true, value: parsed };
}

/** 法定处罚幅度 → bands. Rejects text that yields neither a fine nor another penalty kind. */
export function parseStatutoryRange(text: string): ParseResult<StatutoryRange> {
  const parsed = parseMoneyText(text, 'statutory');
  if (!parsed.ok) return { ok: false, reason: `法定处罚幅度无法解析：${parsed.reason}` };
  const { fines, otherPenalties, measures } = parsed.value;
  if (fines.length === 0 && otherPenalties.length === 0) return { ok: false, reason: '法定处罚幅度无法解析：未找到罚款幅度或处罚种类' };
  return { ok: true, value: { text, bands: fines, otherPenalties, measures } };
}

/** 处罚标准 → a tier's standard. Every phrase must be understood. */
export function parsePenaltyStandard(text: string): ParseResult<PenaltyStandard> {
  const parsed = parseMoneyText(text, 'standard');
  if (!parsed.ok) return { ok: false, reason: `处罚标准无法解析：${parsed.reason}` };
  const { fines, otherPenalties, measures, noPenalty, noFine } = parsed.value;
  if (noPenalty && (fines.length > 0 || otherPenalties.length > 0)) return { ok: false, reason: '处罚标准自相矛盾：既不予处罚又有处罚' };
  if (noFine && fines.length > 0) return { ok: false, reason: '处罚标准自相矛盾：既不予罚款又有罚款' };
  const outcome = noPenalty ? 'noPenalty' : noFine ? 'noFine' : 'penalty';
  if (outcome === 'penalty' && fines.length === 0 && otherPenalties.length === 0) {
    return { ok: false, reason: '处罚标准无法解析：未找到罚款数额或处罚种类' };
  }
  return { ok: true, value: { text, outcome, fines, otherPenalties, measures } };
}
