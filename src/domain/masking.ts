/**
 * Masking of personal data in anything shown to the public (portal, published decisions, act-code lookups).
 *
 * 国办发〔2018〕118号 requires publicity of enforcement decisions while protecting personal information
 * (《个人信息保护法》第二十八条 treats ID numbers as sensitive): a natural person's name shows the surname only,
 * ID numbers and phone numbers never appear, addresses are cut to the district or county, and house, building and
 * room numbers in a natural person's free text are masked (maskHouseNumbers). Organizations are
 * shown as registered: their registration data is public anyway (《企业信息公示暂行条例》第六条).
 *
 * When in doubt these functions hide more, never less: an address that cannot be parsed is dropped entirely.
 */
import { validateCreditCode } from './validators/credit-code.ts';

/** What the UI prints in place of a value that is never shown. */
export const HIDDEN = '***';

/**
 * Compound surnames (复姓). Entries whose first character is a common single surname and whose second character
 * is common in given names (e.g. 宗政, 乐正) are left out: for them a wrong guess would reveal part of the given name.
 */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕',
  '令狐', '钟离', '端木', '太史', '独孤', '南宫', '万俟', '闻人', '公羊', '赫连', '澹台', '濮阳', '公冶', '太叔',
  '申屠', '仲孙', '鲜于', '司空', '闾丘', '子车', '亓官', '司寇', '巫马', '公西', '颛孙', '壤驷', '公良', '漆雕',
  '宰父', '谷梁', '拓跋', '夹谷', '段干', '百里', '呼延', '东郭', '南门', '羊舌', '微生', '梁丘', '左丘', '西门',
  '第五', '呼衍', '拓拔', '贺兰', '独狐', '长鱼', '公伯', '公仪', '东里', '即墨', '达奚', '褚师',
]);

/**
 * A natural person's name for the public: surname followed by 某 (张三 → 张某, 欧阳娜娜 → 欧阳某).
 * Transliterated names (艾力·买买提, John Smith) have no surname to keep; their first character is kept.
 */
export function maskPersonName(name: string): string {
  const compact = name.replace(/\s+/g, '');
  if (compact === '') return '';
  const chars = [...compact];
  const firstTwo = chars.slice(0, 2).join('');
  // Two characters alone are surname + given name (欧 + 阳), so a compound surname needs at least three.
  if (chars.length >= 3 && COMPOUND_SURNAMES.has(firstTwo)) return `${firstTwo}某`;
  const first = chars[0] ?? '';
  return `${/[a-z]/.test(first) ? first.toUpperCase() : first}某`;
}

/** ID numbers are never published, not even partly (a masked middle still identifies with a birth date). */
export function maskIdNumber(_idNumber?: string | null): null {
  return null;
}

/** Phone numbers are never published. */
export function maskPhone(_phone?: string | null): null {
  return null;
}

// ——— Addresses ———

const PROVINCES = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西',
  '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃',
  '青海', '宁夏', '新疆', '台湾', '香港', '澳门',
];
const MUNICIPALITIES = new Set(['北京', '天津', '上海', '重庆']);
const PROVINCE_PATTERN = new RegExp(
  `^(${PROVINCES.join('|')})(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?`,
);

/** Characters that only occur below the county level (streets, buildings, villages). */
const BELOW_COUNTY = new Set([...'街巷弄号栋幢楼室院园苑村组座层']);
/** Below-county characters that do open some division names (路南区, 路桥区; 镇平县, 镇江市). */
const ALLOWED_AS_FIRST = new Set([...'路镇']);
/** Division names containing a below-county character elsewhere (鼓楼区 in 南京, 福州, 徐州, 开封). */
const ALLOWED_PAIRS = new Set(['鼓楼']);

/** Endings that look like a district but name a housing estate, campus, zone or scenic area. */
const NOT_A_COUNTY = [
  '小区', '社区', '校区', '景区', '厂区', '片区', '街区', '工业区', '开发区', '高新区', '保税区', '试验区',
  '示范区', '生活区', '住宅区', '宿舍区', '商住区', '商业区', '办公区', '风景区', '旅游区', '产业区',
];

interface Level {
  /** Longest first, so 自治县 wins over 县 at the same position. */
  suffixes: readonly string[];
  /** Characters a name body at this level cannot contain (they end a higher or lower level). */
  forbidden: ReadonlySet<string>;
  /** Characters allowed as the first body character despite `forbidden` (市中区, 市北区). */
  allowedFirst: ReadonlySet<string>;
  maxBody: number;
}

const PREFECTURE: Level = {
  suffixes: ['自治州', '地区', '盟', '市', '州'],
  forbidden: new Set([...'省市区县旗州盟']),
  allowedFirst: new Set(),
  maxBody: 10,
};

const COUNTY: Level = {
  suffixes: ['自治县', '自治旗', '林区', '特区', '区', '县', '市', '旗'],
  forbidden: new Set([...'省市区县旗']),
  allowedFirst: new Set(['市']),
  maxBody: 12,
};

const isHan = (ch: string) => /^[\u4e00-\u9fff]$/.test(ch);

/** The shortest name of `level` at the start of `text` (body + suffix), or undefined. */
function matchLevel(text: string, level: Level): string | undefined {
  const chars = [...text];
  for (let length = 1; length <= Math.min(level.maxBody, chars.length); length++) {
    const ch = chars[length - 1] ?? '';
    const first = length === 1;
    const allowedHere = first ? ALLOWED_AS_FIRST.has(ch) : ALLOWED_PAIRS.has(`${chars[length - 2] ?? ''}${ch}`);
    if (!isHan(ch) || (BELOW_COUNTY.has(ch) && !allowedHere)) return undefined;
    if (level.forbidden.has(ch) && !(first && level.allowedFirst.has(ch))) return undefined;
    const rest = chars.slice(length).join('');
    const suffix = level.suffixes.find((s) => rest.startsWith(s));
    if (suffix) return chars.slice(0, length).join('') + suffix;
  }
  return undefined;
}

/**
 * An address cut after its district or county for the public ('深圳市南山区粤海街道科技园路1号' → '深圳市南山区',
 * '江苏省苏州市昆山市玉山镇…' → '江苏省苏州市昆山市'). For a city without districts (东莞, 中山) the city is
 * kept. Returns null when no administrative division can be recognised, rather than risk showing a street.
 */
export function maskAddress(address: string): string | null {
  let rest = address.replace(/\s+/g, '');
  let kept = '';
  const take = (part: string) => {
    kept += part;
    rest = rest.slice(part.length);
  };

  const country = /^(中华人民共和国|中国)/.exec(rest);
  if (country) take(country[0]);

  const province = PROVINCE_PATTERN.exec(rest);
  const provinceHasSuffix = province?.[2] !== undefined;
  if (province) take(province[0]);

  let prefectureFound = false;
  if (!province || !MUNICIPALITIES.has(province[1] ?? '')) {
    let prefecture = matchLevel(rest, PREFECTURE);
    // 广州市 matches as 广州 (州) first; the 市 belongs to it.
    if (prefecture?.endsWith('州') && rest.startsWith(`${prefecture}市`)) prefecture += '市';
    // A name followed by 区/县/旗 was a county containing 州 or 市 (通州区, 沙市区), not a prefecture.
    if (prefecture && !/^[区县旗]/.test(rest.slice(prefecture.length))) {
      take(prefecture);
      prefectureFound = true;
    }
  }

  // GB/T 2260 writes a placeholder level for municipalities' districts (北京市市辖区朝阳区).
  if (rest.startsWith('市辖区')) take('市辖区');

  let county = matchLevel(rest, COUNTY);
  // 沙市区, 津市市, 红旗区: the shortest match stopped at a 市 or 旗 that belongs to the name.
  if (county && /[市旗]$/.test(county) && /^[区市县]/.test(rest.slice(county.length))) county = rest.slice(0, county.length + 1);
  if (county && !NOT_A_COUNTY.some((ending) => county.endsWith(ending))) {
    take(county);
    return kept;
  }

  return prefectureFound || provinceHasSuffix ? kept : null;
}

// ——— Free text ———

/** Digits as typed in Chinese text: ASCII or full-width. */
const D = '[0-9０-９]';
const toAscii = (text: string) => text.replace(/[０-９Ｘｘ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/**
 * 15–19 digit runs: ID numbers (18 with a possible X, legacy 15) and bank card numbers (16–19), optionally
 * grouped with spaces or hyphens as people type them.
 */
const LONG_NUMBER = new RegExp(
  // The boundaries also refuse a neighbouring digit group, so in "0755-86013388 13812345678" the last 19 digits
  // are not mistaken for one number (the phone patterns below take them apart).
  `(?<![0-9A-Za-z０-９]|${D}[ -])${D}(?:[ -]?${D}){13,18}(?:[ -]?[XxＸｘ])?(?![0-9A-Za-z０-９]|[ -]${D})`,
  'g',
);
/** Mainland mobile numbers, with an optional +86 / 0086 / 86 prefix and 3-4-4 grouping. */
const MOBILE = new RegExp(`(?<![0-9０-９])(?:(?:\\+|00)?86[ -]?)?1[3-9]${D}(?:[ -]?${D}{4}){2}(?![0-9０-９])`, 'g');
/** Landlines: area code (0xx/0xxx, or without 0 after +86), 7–8 digit number, optional extension. */
const LANDLINE = new RegExp(
  `(?<![0-9０-９])(?:(?:\\+|00)86[ -]?[(（]?0?${D}{2,3}[)）]?|[(（]0${D}{2,3}[)）]|0${D}{2,3})[ -]?${D}{7,8}(?:(?:转|-|ext\\.?)${D}{1,6})?(?![0-9０-９])`,
  'g',
);
/** A bare local number is recognisable only by the label in front of it. */
const LABELLED_NUMBER = new RegExp(`(联系电话|联系方式|电话|手机|座机|传真|[Tt][Ee][Ll])([:：\\s]*)(${D}(?:[ -]?${D}){4,})`, 'g');

/**
 * An all-digit 统一社会信用代码 (e.g. 914403001922038216) has the shape of an ID number but is public; it is kept
 * when its MOD 31 check holds and positions 7–14 cannot be a birth date.
 */
function isCreditCodeNotId(token: string): boolean {
  const compact = toAscii(token).replace(/[ -]/g, '').toUpperCase();
  if (compact.length !== 18 || !validateCreditCode(compact).ok) return false;
  const year = Number(compact.slice(6, 10));
  const month = Number(compact.slice(10, 12));
  const day = Number(compact.slice(12, 14));
  const couldBeBirthDate = year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
  return !couldBeBirthDate;
}

/**
 * Free text (case descriptions, complaint contents) with ID numbers, bank card numbers, mobile and landline
 * numbers replaced by `***`. Numbers are matched by shape, not validated: a mistyped ID number is still personal.
 */
export function redactText(text: string): string {
  return text
    .replace(LONG_NUMBER, (token) => (isCreditCodeNotId(token) ? token : HIDDEN))
    .replace(MOBILE, HIDDEN)
    .replace(LANDLINE, HIDDEN)
    .replace(LABELLED_NUMBER, (_match, label: string, gap: string) => `${label}${gap}${HIDDEN}`);
}

// ——— House numbers ———

/** What stands for a masked house, building or room number. */
export const HIDDEN_NUMBER = '**';

/** A number in an address: ASCII or full-width digits (88, 88-1, 88之1, A3), a letter (A座), or Chinese numerals. */
const ADDRESS_NUMBER = '(?:[A-Za-zＡ-Ｚａ-ｚ]?[0-9０-９]+(?:\\s*[-－—之]\\s*[0-9０-９]+)?[A-Za-zＡ-Ｚａ-ｚ]?|[A-Za-zＡ-Ｚａ-ｚ]|[零〇一二两三四五六七八九十百千]+)';
/** Building, unit, floor, room that may follow a house number (longest first). */
const ADDRESS_UNIT = '(?:号楼|号院|栋|幢|座|单元|楼|层|室|户|号)';
const ADDRESS_PART = `\\s*${ADDRESS_NUMBER}\\s*${ADDRESS_UNIT}`;
/** What a house number follows: a road, street, lane, village (group), estate or square (with spaces as typed). */
const STREET_END = '[路街巷弄里道村组院园苑庄屯坊湾寨场厦]';
/** "湖滨路 56 号…", "幸福路八十八号3栋2单元501室" (not "3号线", a metro line). */
const HOUSE_NUMBER = new RegExp(`(?<=${STREET_END}\\s*)${ADDRESS_NUMBER}\\s*(号楼|号院|号)(?!线)(?:之[0-9０-９零〇一二三四五六七八九十]+)?((?:${ADDRESS_PART})*)`, 'g');
/**
 * A building-unit-room chain without a street in front ("3栋2单元501室", "B座1203室"): digits before 栋/幢/座/单元/室/号楼,
 * or Chinese numerals when more parts follow ("三栋二单元") — so "两室一厅" stays.
 */
const BUILDING_DIGITS = new RegExp(
  `(?<![A-Za-zＡ-Ｚａ-ｚ])(?:[A-Za-zＡ-Ｚａ-ｚ]?[0-9０-９]+(?:\\s*[-－—之]\\s*[0-9０-９]+)?[A-Za-zＡ-Ｚａ-ｚ]?|[A-Za-zＡ-Ｚａ-ｚ](?=\\s*[座栋幢]))\\s*(号楼|栋|幢|座|单元|室)((?:${ADDRESS_PART})*)`,
  'g',
);
const BUILDING_NUMERALS = new RegExp(`[零〇一二两三四五六七八九十百千]+\\s*(号楼|栋|幢|单元)((?:${ADDRESS_PART})+)`, 'g');

/**
 * A natural person's home in free text with its house, building, unit, floor and room numbers masked, the road
 * and district kept so the place stays understandable ("云城市东湖区幸福路88号3栋2单元501室" → "云城市东湖区幸福路**号**",
 * "湖滨路 56 号自有住宅" → "湖滨路 **号自有住宅"). 国办发〔2018〕118号 publishes decisions while protecting personal
 * information; a home address identifies a person (《个人信息保护法》第四条第一款、第六条第二款: no more than the purpose
 * needs). Only for natural persons: an organization's address is public registration data (《企业信息公示暂行条例》第六条).
 */
export function maskHouseNumbers(text: string): string {
  const masked = (unit: string, rest: string) => `${HIDDEN_NUMBER}${unit}${rest.trim() ? HIDDEN_NUMBER : ''}`;
  return text
    .replace(HOUSE_NUMBER, (_match, unit: string, rest: string) => masked(unit, rest))
    .replace(BUILDING_DIGITS, (_match, unit: string, rest: string) => masked(unit, rest))
    .replace(BUILDING_NUMERALS, (_match, unit: string, rest: string) => masked(unit, rest));
}


// ——— Parties ———

export type Party =
  | { kind: 'person'; name: string; idNumber?: string | null; phone?: string | null; address?: string | null }
  | {
      kind: 'organization';
      name: string;
      creditCode?: string | null;
      /** 法定代表人 / 负责人, public in the enterprise credit information system. */
      legalRepresentative?: string | null;
      phone?: string | null;
      address?: string | null;
    };

export type PublicParty =
  | { kind: 'person'; name: string; idNumber: null; phone: null; address: string | null }
  | { kind: 'organization'; name: string; creditCode: string | null; legalRepresentative: string | null; phone: null; address: string | null };

/** A party as it may appear in public output. */
export function maskParty(party: Party): PublicParty {
  switch (party.kind) {
    case 'person':
      return {
        kind: 'person',
        name: maskPersonName(party.name),
        idNumber: maskIdNumber(party.idNumber),
        phone: maskPhone(party.phone),
        address: party.address ? maskAddress(party.address) : null,
      };
    case 'organization':
      return {
        kind: 'organization',
        name: party.name,
        creditCode: party.creditCode ?? null,
        // The legal representative is a natural person: surname only, like any other (国办发〔2018〕118号 masking).
        legalRepresentative: party.legalRepresentative ? maskPersonName(party.legalRepresentative) : null,
        // A business phone is often the owner's own mobile.
        phone: maskPhone(party.phone),
        address: party.address ?? null,
      };
  }
}
