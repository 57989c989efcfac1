/**
 * What a draft benchmark or exemption list changes against the version in force (issue 15, item 7): items added,
 * removed and changed, and for a changed item which fields. An item is the same violation (裁量基准) or the same
 * matter (免罚清单) when its name matches after punctuation, spaces and width are set aside — the 序号 of a
 * revised table is often renumbered, and a new document changes every item's source, so neither identifies it.
 */
import type { BenchmarkItem, ExemptionItem } from './model.ts';

export interface DiffItem {
  code: string;
  name: string;
}

export interface ChangedItem extends DiffItem {
  /** The code in the version in force, when renumbered. */
  previousCode: string;
  /** Labels of the fields that differ (序号, 罚则, 裁量阶次 …). */
  fields: string[];
}

export interface VersionDiff {
  added: DiffItem[];
  removed: DiffItem[];
  changed: ChangedItem[];
  unchanged: number;
}

/** A name as items are matched by: width-folded, without spaces, punctuation or a trailing 的 (as store.ts's matchKeyOf). */
export function itemNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s,.;:!?'"()[\]{}<>、。，；：！？“”‘’《》〈〉【】（）·—-]/g, '')
    .replace(/的$/, '');
}

type Field<T> = [label: string, read: (item: T) => unknown];

const benchmarkFields: Field<BenchmarkItem>[] = [
  ['序号', (i) => i.code],
  ['违法行为', (i) => i.name],
  ['类别', (i) => i.category],
  ['法规名称', (i) => i.regulation],
  ['违则', (i) => i.violatedProvision],
  ['罚则', (i) => i.penaltyProvision],
  ['法定处罚幅度', (i) => i.statutoryRange.text],
  ['适用对象', (i) => i.partyKind],
  ['裁量阶次', (i) => i.tiers.map((t) => [t.code, t.name])],
  ['适用条件', (i) => i.tiers.map((t) => t.conditionText)],
  ['处罚标准', (i) => i.tiers.map((t) => t.standard.text)],
  ['备注', (i) => i.tiers.map((t) => t.note)],
];

const exemptionFields: Field<ExemptionItem>[] = [
  ['序号', (i) => i.code],
  ['事项', (i) => i.matter],
  ['依据', (i) => i.basis],
  ['免罚类型', (i) => i.typeText],
  ['适用条件', (i) => i.conditionText],
  ['告知承诺', (i) => i.commitmentRequired],
  ['备注', (i) => i.note],
];

function diffBy<T>(before: readonly T[], after: readonly T[], nameOf: (item: T) => string, codeOf: (item: T) => string, fields: Field<T>[]): VersionDiff {
  const index = (items: readonly T[]) => {
    const map = new Map<string, T>();
    // The first item of a name stands for it (a table lists a violation once per tier row, parsed into one item).
    for (const item of items) if (!map.has(itemNameKey(nameOf(item)))) map.set(itemNameKey(nameOf(item)), item);
    return map;
  };
  const old = index(before);
  const now = index(after);
  const ref = (item: T): DiffItem => ({ code: codeOf(item), name: nameOf(item) });
  const diff: VersionDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [key, item] of now) {
    const previous = old.get(key);
    if (!previous) {
      diff.added.push(ref(item));
      continue;
    }
    const differing = fields.filter(([, read]) => JSON.stringify(read(previous)) !== JSON.stringify(read(item))).map(([label]) => label);
    if (differing.length) diff.changed.push({ ...ref(item), previousCode: codeOf(previous), fields: differing });
    else diff.unchanged++;
  }
  for (const [key, item] of old) if (!now.has(key)) diff.removed.push(ref(item));
  return diff;
}

/** Differences of a benchmark draft from the version in force (`before` empty when none is). */
export function diffBenchmarkItems(before: readonly BenchmarkItem[], after: readonly BenchmarkItem[]): VersionDiff {
  return diffBy(before, after, (i) => i.name, (i) => i.code, benchmarkFields);
}

/** Differences of an exemption-list draft from the list in force. */
export function diffExemptionItems(before: readonly ExemptionItem[], after: readonly ExemptionItem[]): VersionDiff {
  return diffBy(before, after, (i) => i.matter, (i) => i.code, exemptionFields);
}
