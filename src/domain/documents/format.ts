/**
 * How enforcement documents write dates, times, amounts and document numbers.
 *
 * - Dates: GB/T 9704-2012 §7.3.5.4 — arabic numerals, the year in full, month and day without leading zeros
 *   ("2024年3月8日").
 * - Document numbers (发文字号): GB/T 9704-2012 §7.2.4 — the year in 六角括号 〔〕, the serial without "第" and
 *   without leading zeros ("锦城管罚字〔2024〕15号").
 * - Amounts in words (大写): 中国人民银行《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》.
 */
import { isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { validationError } from '../errors.ts';

/** A China wall-clock date and time, `YYYY-MM-DDTHH:mm` (no time zone: always Asia/Shanghai). */
export type LocalDateTime = string;

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

/** '2024-03-08' → '2024年3月8日' (GB/T 9704-2012 §7.3.5.4). */
export function formatDate(date: IsoDate, field = '日期'): string {
  if (!isIsoDate(date)) throw validationError(`${field}格式不正确，应为“年-月-日”（如 2024-03-08）：${date}`, { field, value: date });
  const [year, month, day] = date.split('-').map(Number);
  return `${String(year)}年${String(month)}月${String(day)}日`;
}

/** True for a real `YYYY-MM-DDTHH:mm` China time. */
export function isLocalDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME.exec(value);
  return match !== null && isIsoDate(match[1] ?? '');
}

function parseDateTime(value: LocalDateTime, field: string): { date: IsoDate; hour: number; minute: number } {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match || !isIsoDate(match[1] ?? '')) {
    throw validationError(`${field}格式不正确，应为“年-月-日T时:分”（如 2024-03-08T09:30）：${value}`, { field, value });
  }
  return { date: match[1] ?? '', hour: Number(match[2]), minute: Number(match[3]) };
}

/** True when `value` carries a time of day, not a date alone. */
export function hasTime(value: string): boolean {
  return value.includes('T');
}

/** The date part of a local date-time (a plain date is accepted as recorded without time). */
export function dateOf(value: LocalDateTime | IsoDate, field = '时间'): IsoDate {
  if (!hasTime(value)) {
    formatDate(value, field);
    return value;
  }
  return parseDateTime(value, field).date;
}

/**
 * '2024-03-08T09:05' → '2024年3月8日9时05分' (minutes keep two digits, as records write them). A value recorded as a
 * date only prints as the date: the document never shows a time nobody recorded.
 */
export function formatDateTime(value: LocalDateTime | IsoDate, field = '时间'): string {
  if (!hasTime(value)) return formatDate(value, field);
  const { date, hour, minute } = parseDateTime(value, field);
  return `${formatDate(date, field)}${String(hour)}时${String(minute).padStart(2, '0')}分`;
}

/**
 * A period of a record "2024年3月8日9时30分至10时15分" (the date repeated only when the end is on another day).
 * An end before the start is refused: a record cannot end before it began.
 */
export function formatTimeRange(start: LocalDateTime, end: LocalDateTime, field = '时间'): string {
  const from = parseDateTime(start, `${field}（起）`);
  const to = parseDateTime(end, `${field}（止）`);
  if (end < start) throw validationError(`${field}的结束时间早于开始时间：${start} 至 ${end}`, { field, start, end });
  const tail = `${String(to.hour)}时${String(to.minute).padStart(2, '0')}分`;
  return `${formatDateTime(start, field)}至${from.date === to.date ? tail : formatDateTime(end, field)}`;
}

// ——— Document numbers ———

/** A document number: prefix (机关代字 + 文书代字), year and serial — printed "锦城管罚字〔2024〕15号". */
export interface DocumentNumber {
  /** 机关代字 and 类别代字, e.g. '锦城管罚字'. */
  prefix: string;
  year: number;
  serial: number;
}

/** Prints a document number per GB/T 9704-2012 §7.2.4: 〔year〕, no "第", no leading zeros. */
export function formatDocumentNumber(number: DocumentNumber, field = '文号'): string {
  const prefix = number.prefix.trim();
  if (prefix === '' || /[〔〕[\]()（）\d]/.test(prefix)) {
    throw validationError(`${field}的代字应为机关代字和文书代字（如“锦城管罚字”），不含括号和数字：${number.prefix}`, { field });
  }
  if (!Number.isInteger(number.year) || number.year < 1990 || number.year > 2999) {
    throw validationError(`${field}的年份应为四位年份：${String(number.year)}`, { field });
  }
  if (!Number.isInteger(number.serial) || number.serial < 1) {
    throw validationError(`${field}的顺序号应为正整数：${String(number.serial)}`, { field });
  }
  return `${prefix}〔${String(number.year)}〕${String(number.serial)}号`;
}

// ——— Amounts ———

/** Yuan → fen, refusing negative amounts and fractions of a fen. */
export function toFen(yuan: number, field = '金额'): number {
  const fen = Math.round(yuan * 100);
  if (!Number.isFinite(yuan) || yuan < 0 || Math.abs(fen - yuan * 100) > 1e-6) {
    throw validationError(`${field}应为不小于 0、最多两位小数的元数：${String(yuan)}`, { field, value: yuan });
  }
  return fen;
}

/** 2000 → '2,000.00' */
export function formatAmountFigures(yuan: number, field = '金额'): string {
  const fen = toFen(yuan, field);
  const integer = Math.floor(fen / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${integer}.${String(fen % 100).padStart(2, '0')}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

function digit(n: number): string {
  return DIGITS[n] ?? '';
}

/** One 4-digit group (1–9999) in words, with 零 for inner zeros, e.g. 1010 → 壹仟零壹拾. */
function groupInWords(group: number): string {
  let text = '';
  let pendingZero = false;
  for (let position = 3; position >= 0; position--) {
    const d = Math.floor(group / 10 ** position) % 10;
    if (d === 0) {
      if (text !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) text += '零';
    pendingZero = false;
    text += digit(d) + (SMALL_UNITS[position] ?? '');
  }
  return text;
}

/**
 * An amount in Chinese capital numerals as 票据 and 决定书 write it: 2000 → '贰仟元整', 10.5 → '壹拾元伍角',
 * 3.05 → '叁元零伍分', 100100 → '壹拾万零壹佰元整', 0.05 → '伍分'. Rules of 《正确填写票据和结算凭证的基本规定》:
 * a leading 1 is written 壹拾; zeros inside are written 零 (a run of zeros once); 整 follows 元 when there is no
 * 角 or 分; 零 is written between 元 and 分 when 角 is zero.
 */
export function amountInWords(yuan: number, field = '金额'): string {
  const fen = toFen(yuan, field);
  if (fen === 0) return '零元整';
  const integer = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let text = '';
  if (integer > 0) {
    const groups: number[] = [];
    for (let rest = integer; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
    for (let i = groups.length - 1; i >= 0; i--) {
      const group = groups[i] ?? 0;
      if (group === 0) continue;
      // A zero is read between a non-zero higher group and a lower group without thousands (100100 → 拾万零壹佰).
      const lowerHasGap = text !== '' && group < 1000;
      const skippedGroup = text !== '' && (groups[i + 1] ?? 0) === 0;
      if (lowerHasGap || skippedGroup) text += '零';
      text += groupInWords(group) + (BIG_UNITS[i] ?? '');
    }
    text += '元';
  }
  if (jiao === 0 && cents === 0) return `${text}整`;
  if (jiao > 0) text += `${digit(jiao)}角`;
  else if (integer > 0) text += '零';
  if (cents > 0) text += `${digit(cents)}分`;
  return text;
}

/** '人民币贰仟元整（¥2,000.00）' — how penalty documents state a sum of money. */
export function formatAmount(yuan: number, field = '金额'): string {
  return `人民币${amountInWords(yuan, field)}（¥${formatAmountFigures(yuan, field)}）`;
}

// ——— Small numbers in words ———

const SMALL_NUMERALS = '〇一二三四五六七八九';

/** 1–99 in Chinese numerals as statutes write periods: 3 → '三', 15 → '十五', 60 → '六十'. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`chineseNumeral supports 0–99, got ${String(n)}`);
  if (n < 10) return SMALL_NUMERALS[n] ?? '';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (SMALL_NUMERALS[tens] ?? '')}十${ones === 0 ? '' : (SMALL_NUMERALS[ones] ?? '')}`;
}
