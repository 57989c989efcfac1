/**
 * Benchmark and exemption tables, independent of file format: records (row number + cells) in, items and
 * rejected rows out; items back to rows for export. CSV (csv.ts) and XLSX (services/discretion-xlsx.ts) both go
 * through here, so a row is accepted or rejected for the same reason whatever file it came in.
 *
 * One accepted benchmark row is one rule: one violation × one tier (裁量阶次), as the source tables count
 * (深圳2023: "195条裁量规则"). Rows of the same source and 序号 form one item.
 */
import { articles } from './config.ts';
import { formatYuan } from './chinese-number.ts';
import type {
  ApplicablePartyKind,
  BenchmarkImportResult,
  BenchmarkItem,
  Clause,
  Conditions,
  ExemptionImportResult,
  ExemptionItem,
  ExemptionType,
  FineComponent,
  ImportRejection,
  PartyKind,
  PenaltyStandard,
  StatutoryRange,
  Tier,
} from './model.ts';
import { partyKindLabels, quantityLabels } from './model.ts';
import { parseConditions, resolveBoundaryOverlaps, uniqueConditions } from './parse-conditions.ts';
import { parsePenaltyStandard, parseStatutoryRange } from './parse-penalty.ts';
import { selectBands } from './statutory.ts';

export interface TableRecord {
  /** 1-based line (CSV) or row (XLSX) number in the file. */
  row: number;
  cells: string[];
}

export const benchmarkColumns = [
  'source',
  'source_url',
  '序号',
  '法规规章',
  '违法行为',
  '违则条款',
  '罚则条款',
  '法定处罚幅度',
  '裁量阶次',
  '适用条件',
  '处罚标准',
  '备注',
] as const;
type BenchmarkColumn = (typeof benchmarkColumns)[number];
const requiredBenchmarkColumns: BenchmarkColumn[] = ['source', '序号', '违法行为', '罚则条款', '法定处罚幅度', '裁量阶次', '适用条件', '处罚标准'];

export const exemptionColumns = ['source', 'source_url', '序号', '事项', '依据', '免罚类型', '适用条件', '备注'] as const;
type ExemptionColumn = (typeof exemptionColumns)[number];
const requiredExemptionColumns: ExemptionColumn[] = ['source', '序号', '事项', '免罚类型', '适用条件'];

/** FNV-1a: a short stable key for a source, so item ids survive export and re-import. */
export function sourceKey(sourceName: string): string {
  let hash = 0x811c9dc5;
  for (const ch of sourceName) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

const categoryWords: [RegExp, string][] = [
  [/垃圾/, '生活垃圾'],
  [/市容|环境卫生/, '市容环境卫生'],
  [/园林|绿化/, '园林绿化'],
  [/广告/, '户外广告'],
  [/养犬/, '养犬管理'],
  [/照明/, '城市照明'],
  [/道路|桥梁|挖掘/, '城市道路'],
  [/排水|污水/, '城镇排水'],
  [/燃气/, '城镇燃气'],
  [/建筑|施工/, '建设施工'],
];

export function categoryOf(regulation: string, violationName: string): string {
  for (const [pattern, category] of categoryWords) if (pattern.test(regulation)) return category;
  for (const [pattern, category] of categoryWords) if (pattern.test(violationName)) return category;
  return '其他';
}

function columnIndex<C extends string>(header: string[], columns: readonly C[], required: C[]): { index: Map<C, number> } | { missing: C[] } {
  const index = new Map<C, number>();
  const trimmed = header.map((h) => h.trim().replace(/^\uFEFF/, ''));
  for (const column of columns) {
    const at = trimmed.indexOf(column);
    if (at >= 0) index.set(column, at);
  }
  const missing = required.filter((c) => !index.has(c));
  return missing.length > 0 ? { missing } : { index };
}

function cellReader<C extends string>(index: Map<C, number>, cells: string[]) {
  return (column: C): string => {
    const at = index.get(column);
    return at === undefined ? '' : (cells[at] ?? '').trim();
  };
}

/** The party a violation name or a 罚则 restricts the item to. */
function itemPartyKind(violationName: string, bands: FineComponent[]): ApplicablePartyKind {
  if (/（单位）|\(单位\)/.test(violationName)) return 'organization';
  if (/（个人）|\(个人\)/.test(violationName)) return 'person';
  const kinds = new Set(bands.map((b) => b.partyKind ?? 'any'));
  if (kinds.size === 1) {
    const [only] = [...kinds];
    return only ?? 'any';
  }
  return 'any';
}

function tierPartyKind(tierName: string): PartyKind | undefined {
  if (/^个人/.test(tierName)) return 'person';
  if (/^单位/.test(tierName)) return 'organization';
  return undefined;
}

/**
 * A plain amount in a tier standard under a per-unit 罚则 is read as per that unit: the 深圳旧版 table writes
 * 处二百元罚款 under 按宠物每只处二百元以上五百元以下罚款, meaning 200元 per animal.
 */
function inheritUnit(standard: PenaltyStandard, bands: FineComponent[]): PenaltyStandard {
  const units = new Set(bands.map((b) => (b.basis === 'perUnit' ? b.unit : undefined)));
  const [unit] = [...units];
  if (units.size !== 1 || unit === undefined) return standard;
  return {
    ...standard,
    fines: standard.fines.map((f) => (f.basis === 'total' ? { ...f, basis: 'perUnit' as const, unit } : f)),
  };
}

function describeAmount(value: number, component: FineComponent): string {
  if (component.basis === 'perUnit' && component.unit === 'compensation_yuan') return `赔偿额${value}倍`;
  if (component.basis === 'perUnit' && component.unit) return `每${quantityLabels[component.unit].unit}${formatYuan(value)}`;
  return formatYuan(value);
}

/** Reasons a tier standard leaves the statutory range; empty when it stays inside. */
function standardOutsideStatutory(standard: PenaltyStandard, statutory: StatutoryRange, tierName: string, tierParty: PartyKind | undefined): string[] {
  const reasons: string[] = [];
  for (const fine of standard.fines) {
    const bands = selectBands(statutory.bands, fine.partyKind ?? tierParty, tierName).filter(
      (b) => b.basis === fine.basis && b.unit === fine.unit,
    );
    if (bands.length === 0) continue;
    const min = Math.min(...bands.map((b) => b.min));
    const max = Math.max(...bands.map((b) => b.max));
    if (fine.min < min) reasons.push(`处罚标准（${describeAmount(fine.min, fine)}）低于法定处罚幅度下限（${describeAmount(min, fine)}）`);
    if (fine.max > max) reasons.push(`处罚标准（${describeAmount(fine.max, fine)}）高于法定处罚幅度上限（${describeAmount(max, fine)}）`);
  }
  return reasons;
}

function addPartyToClauses(conditions: Conditions, party: PartyKind | undefined, tierName: string): Conditions {
  if (!party) return conditions;
  const clauses: Clause[] = conditions.clauses.map((clause) =>
    clause.all.some((leaf) => leaf.kind === 'partyKind')
      ? clause
      : { ...clause, all: [{ kind: 'partyKind', text: tierName, value: party }, ...clause.all] },
  );
  return { ...conditions, clauses };
}

interface PendingItem {
  firstRow: number;
  base: Omit<BenchmarkItem, 'tiers'>;
  tiers: Omit<Tier, 'code' | 'order'>[];
  tierKeys: Map<string, number>;
}

/** Parses benchmark records; the first record is the header. */
export function parseBenchmarkRecords(records: TableRecord[]): BenchmarkImportResult {
  const rejected: ImportRejection[] = [];
  const [header, ...rows] = records;
  if (!header) return { items: [], rejected: [], stats: { rows: 0, rules: 0, items: 0, rejected: 0 } };
  const columns = columnIndex(header.cells, benchmarkColumns, requiredBenchmarkColumns);
  if ('missing' in columns) {
    const reject = { row: header.row, reason: `表头缺少列：${columns.missing.join('、')}（应为：${benchmarkColumns.join(',')}）` };
    return { items: [], rejected: [reject], stats: { rows: rows.length, rules: 0, items: 0, rejected: 1 } };
  }
  const statutoryCache = new Map<string, ReturnType<typeof parseStatutoryRange>>();
  const pending = new Map<string, PendingItem>();

  for (const record of rows) {
    const cell = cellReader(columns.index, record.cells);
    const reasons: string[] = [];
    if (record.cells.length !== header.cells.length) reasons.push(`列数为${record.cells.length}，应为${header.cells.length}`);
    const sourceName = cell('source');
    const code = cell('序号');
    const name = cell('违法行为');
    const penaltyProvision = cell('罚则条款');
    const statutoryText = cell('法定处罚幅度');
    const tierName = cell('裁量阶次');
    const conditionText = cell('适用条件');
    const standardText = cell('处罚标准');
    if (sourceName === '') reasons.push('缺少来源（source），无法确定裁量基准版本');
    if (code === '') reasons.push('缺少序号');
    if (name === '') reasons.push('缺少违法行为名称');
    if (penaltyProvision === '') reasons.push(`缺少罚则条款（处罚依据），不能作为裁量基准适用（${articles.benchmarksPublic}）`);
    if (tierName === '') reasons.push('缺少裁量阶次名称');
    if (conditionText === '') reasons.push('缺少适用条件');

    let statutory: StatutoryRange | undefined;
    if (statutoryText === '') reasons.push('缺少法定处罚幅度');
    else {
      const cached = statutoryCache.get(statutoryText) ?? parseStatutoryRange(statutoryText);
      statutoryCache.set(statutoryText, cached);
      if (cached.ok) statutory = cached.value;
      else reasons.push(cached.reason);
    }
    let standard: PenaltyStandard | undefined;
    if (standardText === '') reasons.push('缺少处罚标准');
    else {
      const parsed = parsePenaltyStandard(standardText);
      if (parsed.ok) standard = parsed.value;
      else reasons.push(parsed.reason);
    }

    const key = `${sourceName}\u0000${code}`;
    const existing = pending.get(key);
    const base = {
      id: `${sourceKey(sourceName)}-${code}`,
      code,
      source: { name: sourceName, url: cell('source_url') },
      regulation: cell('法规规章'),
      category: categoryOf(cell('法规规章'), name),
      name,
      violatedProvision: cell('违则条款'),
      penaltyProvision,
      statutoryRange: statutory ?? { text: statutoryText, bands: [], otherPenalties: [], measures: [] },
      partyKind: itemPartyKind(name, statutory?.bands ?? []),
    } satisfies Omit<BenchmarkItem, 'tiers'>;
    if (existing && name !== '' && code !== '') {
      const first = existing.base;
      const fields: [string, string, string][] = [
        ['违法行为', first.name, name],
        ['source_url', first.source.url, base.source.url],
        ['法规规章', first.regulation, base.regulation],
        ['违则条款', first.violatedProvision, base.violatedProvision],
        ['罚则条款', first.penaltyProvision, penaltyProvision],
        ['法定处罚幅度', first.statutoryRange.text, statutoryText],
      ];
      for (const [label, a, b] of fields) {
        if (a !== b) reasons.push(`序号${code}与第${existing.firstRow}行属同一违法行为，但「${label}」不一致`);
      }
      const duplicate = existing.tierKeys.get(`${tierName}\u0000${conditionText}`);
      if (duplicate !== undefined) reasons.push(`与第${duplicate}行重复（同一裁量阶次和适用条件）`);
    }

    const item = existing?.base ?? base;
    const tierParty = tierPartyKind(tierName);
    if (standard && statutory) {
      standard = inheritUnit(standard, selectBands(statutory.bands, tierParty, tierName));
      reasons.push(...standardOutsideStatutory(standard, statutory, tierName, tierParty));
    }
    if (item.partyKind !== 'any') {
      const others = new Set([tierParty, ...(standard?.fines.map((f) => f.partyKind) ?? [])]);
      for (const kind of others) {
        if (kind && kind !== item.partyKind) {
          reasons.push(`处罚标准或阶次针对${partyKindLabels[kind]}，但该违法行为仅适用于${partyKindLabels[item.partyKind]}`);
        }
      }
    }

    if (reasons.length > 0 || !standard || !statutory) {
      rejected.push({ row: record.row, reason: reasons.join('；') || '无法解析' });
      continue;
    }
    const conditions = addPartyToClauses(parseConditions(conditionText, { violationName: name }), tierParty, tierName);
    const tier = { name: tierName, conditionText, conditions, standard, note: cell('备注') };
    if (existing) {
      existing.tiers.push(tier);
      existing.tierKeys.set(`${tierName}\u0000${conditionText}`, record.row);
    } else {
      pending.set(key, { firstRow: record.row, base, tiers: [tier], tierKeys: new Map([[`${tierName}\u0000${conditionText}`, record.row]]) });
    }
  }

  const items: BenchmarkItem[] = [...pending.values()].map(({ base, tiers }) => {
    const resolved = resolveBoundaryOverlaps(tiers.map((t) => t.conditions));
    return {
      ...base,
      tiers: tiers.map((t, order) => ({ ...t, conditions: resolved[order] ?? t.conditions, code: `${base.id}/${order + 1}`, order })),
    };
  });
  const rules = items.reduce((n, item) => n + item.tiers.length, 0);
  rejected.sort((a, b) => a.row - b.row);
  return { items, rejected, stats: { rows: rows.length, rules, items: items.length, rejected: rejected.length } };
}

/** Items back to rows in the import layout (header first), so an export re-imports to the same items. */
export function benchmarksToRows(items: BenchmarkItem[]): string[][] {
  const rows: string[][] = [[...benchmarkColumns]];
  for (const item of items) {
    for (const tier of item.tiers) {
      rows.push([
        item.source.name,
        item.source.url,
        item.code,
        item.regulation,
        item.name,
        item.violatedProvision,
        item.penaltyProvision,
        item.statutoryRange.text,
        tier.name,
        tier.conditionText,
        tier.standard.text,
        tier.note,
      ]);
    }
  }
  return rows;
}

function exemptionType(typeText: string): ExemptionType | undefined {
  if (/以教代罚/.test(typeText)) return 'educationInstead';
  if (/轻微/.test(typeText) && /首次|首违|初次/.test(typeText)) return 'minorFirst';
  if (/轻微/.test(typeText)) return 'minor';
  if (/首违|首查|首次|初次/.test(typeText)) return 'firstViolation';
  if (/不予处罚|免予处罚|免罚/.test(typeText)) return 'statutoryGrounds';
  return undefined;
}

/** Parses exemption-list records; the first record is the header. */
export function parseExemptionRecords(records: TableRecord[]): ExemptionImportResult {
  const [header, ...rows] = records;
  if (!header) return { items: [], rejected: [], stats: { rows: 0, items: 0, rejected: 0 } };
  const columns = columnIndex(header.cells, exemptionColumns, requiredExemptionColumns);
  if ('missing' in columns) {
    const reject = { row: header.row, reason: `表头缺少列：${columns.missing.join('、')}（应为：${exemptionColumns.join(',')}）` };
    return { items: [], rejected: [reject], stats: { rows: rows.length, items: 0, rejected: 1 } };
  }
  const items: ExemptionItem[] = [];
  const rejected: ImportRejection[] = [];
  const seen = new Map<string, number>();
  for (const record of rows) {
    const cell = cellReader(columns.index, record.cells);
    const reasons: string[] = [];
    if (record.cells.length !== header.cells.length) reasons.push(`列数为${record.cells.length}，应为${header.cells.length}`);
    const sourceName = cell('source');
    const code = cell('序号');
    const matter = cell('事项');
    const typeText = cell('免罚类型');
    const conditionText = cell('适用条件');
    if (sourceName === '') reasons.push('缺少来源（source）');
    if (code === '') reasons.push('缺少序号');
    if (matter === '') reasons.push('缺少免罚事项');
    if (conditionText === '') reasons.push('缺少适用条件');
    const type = exemptionType(typeText);
    if (typeText === '') reasons.push('缺少免罚类型');
    else if (!type) reasons.push(`无法识别的免罚类型「${typeText}」（应为轻微不罚、首违不罚、不予处罚、以教代罚等）`);
    const key = `${sourceName}\u0000${code}`;
    const previous = seen.get(key);
    if (previous !== undefined && code !== '') reasons.push(`序号${code}与第${previous}行重复`);
    if (reasons.length > 0 || !type) {
      rejected.push({ row: record.row, reason: reasons.join('；') });
      continue;
    }
    seen.set(key, record.row);
    const note = cell('备注');
    let conditions = parseConditions(conditionText, { listMode: type === 'statutoryGrounds' ? 'any' : 'all' });
    // 总括条件 in the remark binds every item of the list (上海: 及时纠正，没有造成危害后果).
    const umbrella = /总括条件[：:]([^（(]*)/.exec(note)?.[1];
    if (umbrella) {
      const extra = parseConditions(umbrella).clauses.flatMap((c) => c.all).filter((leaf) => leaf.kind !== 'text');
      conditions = { ...conditions, clauses: conditions.clauses.map((c) => ({ ...c, all: uniqueConditions([...c.all, ...extra]) })) };
    }
    items.push({
      id: `${sourceKey(sourceName)}-${code}`,
      code,
      source: { name: sourceName, url: cell('source_url') },
      matter,
      basis: cell('依据'),
      type,
      typeText,
      commitmentRequired: /告知承诺|承诺书/.test(`${typeText}${conditionText}`),
      conditionText,
      conditions,
      note,
    });
  }
  return { items, rejected, stats: { rows: rows.length, items: items.length, rejected: rejected.length } };
}

export function exemptionsToRows(items: ExemptionItem[]): string[][] {
  return [
    [...exemptionColumns],
    ...items.map((i) => [i.source.name, i.source.url, i.code, i.matter, i.basis, i.typeText, i.conditionText, i.note]),
  ];
}
