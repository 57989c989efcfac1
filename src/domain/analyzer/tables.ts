/**
 * Figures stated in tables. Reports often close a part with a table (指标 | 数值), and a table reaches the
 * analyzer as text in one of two shapes:
 * - a row per line, its cells split by tabs, runs of spaces or bars (plain text, PDF text layers, HTML pages):
 *   `行政处罚案件数（件）    126`, `| 罚没金额 | 36.8 | 万元 |`;
 * - a cell per line (Word documents read as raw text): `行政处罚案件数` then `126` on the next line.
 * This module finds the figure cells and what names them (the row label, the unit of the cell, of the label, of
 * a unit column or of a 单位：万元 note, and the year of the column); indicators.ts decides which indicator a
 * label names. A row whose figures stand in several columns is read only when the header says which column is
 * the year reported on; a figure whose column is another year (or a change, 同比) is never read.
 */
import { normalizeMeasure, readFigureCell } from './numerals.ts';
import type { Span } from './text.ts';

export interface TableFigure {
  /** The row label, without its unit: 行政处罚案件数. */
  label: string;
  value: number;
  /** Normalized measure word (件, 次, %, 元 …), or null when the table gives none. */
  measure: string | null;
  approx: boolean;
  /** Offset of the figure cell in the text. */
  figureStart: number;
  /** The row (or the label and value lines) as offsets into the text. */
  start: number;
  end: number;
}

const SENTENCE_PUNCTUATION = /[。；;！？!?]|[，,](?!\d{3})/;
const MAX_ROW_LENGTH = 100;
const MAX_LABEL_LENGTH = 30;
const MAX_TABLE_LINES_BACK = 40;
const CELL_SPLIT = /\s*[|│┃]\s*|\s+/;
const LABEL_UNIT = /[(（]\s*(?:单位\s*[:：]?\s*)?(万元|亿元|元|件次|件|人次|人|名|项|个|份|场次|场|期|条|例|次|家|户|卷|宗|起|%)\s*[)）]\s*$/;
const UNIT_NOTE = /单位\s*[:：]\s*(万元|亿元|元|件|人次|人|项|个|份|次|%)/;
const YEAR_CELL = /^((?:19|20)\d{2})\s*年度?(?:数据|数值|完成情况|完成数)?$/;
const THIS_YEAR_CELL = /^(本年度?|今年|当年|本期|全年)(数据|数值|完成情况|完成数)?$/;
const OTHER_COLUMN_CELL = /^(上年度?|去年|上年同期|同期|同比|环比|增减|增幅|降幅|增长|增长率|变化|比上年|较上年|目标|目标值|计划|序号)/;
const DASH = /^[-—–/\\无]+$/;

interface Cell {
  text: string;
  start: number;
}

/** The cells of a line with their offsets (bars, tabs and spaces separate them). */
function cellsOf(line: Span): Cell[] {
  const cells: Cell[] = [];
  const re = new RegExp(CELL_SPLIT.source, 'g');
  let at = 0;
  const text = line.text;
  for (const match of text.matchAll(re)) {
    if (match.index > at) cells.push({ text: text.slice(at, match.index), start: line.start + at });
    at = match.index + match[0].length;
  }
  if (at < text.length) cells.push({ text: text.slice(at), start: line.start + at });
  return cells.filter((cell) => cell.text.length > 0);
}

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);
const isUnitCell = (s: string) => normalizeMeasure(s.replace(/[()（）]/g, '')) !== null && !/^\d/.test(s);

/** Whether a line can be part of a table: short, no sentence punctuation. */
function tableLike(line: Span): boolean {
  return line.text.length > 0 && line.text.length <= MAX_ROW_LENGTH && !SENTENCE_PUNCTUATION.test(line.text);
}

interface Header {
  cells: string[];
}

/** A header row above `index` in the same table: a row with year or 本年/上年/同比 cells. */
function headerAbove(lines: Span[], index: number): Header | null {
  for (let i = index - 1; i >= 0 && i >= index - MAX_TABLE_LINES_BACK; i -= 1) {
    const line = lines[i];
    if (!line) break;
    if (line.text === '') continue;
    if (!tableLike(line)) break;
    const cells = cellsOf(line).map((cell) => cell.text);
    if (cells.some((cell) => YEAR_CELL.test(cell) || THIS_YEAR_CELL.test(cell) || OTHER_COLUMN_CELL.test(cell))) return { cells };
  }
  return null;
}

/** A 单位：万元 note just above the table. */
function unitNoteAbove(lines: Span[], index: number): string | null {
  for (let i = index - 1; i >= 0 && i >= index - MAX_TABLE_LINES_BACK; i -= 1) {
    const line = lines[i];
    if (!line) break;
    if (line.text === '') continue;
    const note = UNIT_NOTE.exec(line.text);
    if (note?.[1]) return note[1];
    if (!tableLike(line)) break;
  }
  return null;
}

/** Whether a header cell names the column of the year reported on (or nothing against it). */
function columnFor(headerCell: string | undefined, reportYear: number | null): 'this' | 'other' | 'unknown' {
  if (headerCell === undefined) return 'unknown';
  const year = YEAR_CELL.exec(headerCell);
  if (year?.[1]) return reportYear !== null && Number(year[1]) === reportYear ? 'this' : 'other';
  if (THIS_YEAR_CELL.test(headerCell)) return 'this';
  if (OTHER_COLUMN_CELL.test(headerCell)) return 'other';
  return 'unknown';
}

/** Splits a label into its words and the unit it states: 罚没金额（万元） → 罚没金额, 万元. */
function labelAndUnit(label: string): { label: string; unit: string | null } {
  const unit = LABEL_UNIT.exec(label);
  if (!unit?.[1]) return { label, unit: null };
  return { label: label.slice(0, unit.index).trim(), unit: unit[1] };
}

function withUnit(figure: { value: number; measure: string | null }, unit: string | null): { value: number; measure: string | null } {
  if (figure.measure !== null || unit === null) return figure;
  const normalized = normalizeMeasure(unit);
  if (!normalized) return figure;
  return { value: Math.round(figure.value * normalized.multiplier * 1e6) / 1e6, measure: normalized.measure };
}

export interface TableReading {
  figures: TableFigure[];
  /** Rows with figures in several columns: what the sentence reading finds there is not to be trusted. */
  multiColumnRows: Array<{ start: number; end: number }>;
}

/** Reads the figures of every table in the text (lines as from `splitLines` of the normalized text). */
export function readTableFigures(lines: Span[], reportYear: number | null): TableReading {
  const figures: TableFigure[] = [];
  const multiColumnRows: Array<{ start: number; end: number }> = [];
  for (const [index, line] of lines.entries()) {
    if (!tableLike(line)) continue;
    const row = readRow(lines, index, line, reportYear, multiColumnRows);
    if (row) {
      figures.push(row);
      continue;
    }
    const pair = readCellPerLine(lines, index, line, reportYear);
    if (pair) figures.push(pair);
  }
  return { figures, multiColumnRows };
}

/** A row on one line: label cells, then figure cells (units, dashes and other columns may stand among them). */
function readRow(
  lines: Span[],
  index: number,
  line: Span,
  reportYear: number | null,
  multiColumnRows: Array<{ start: number; end: number }>,
): TableFigure | null {
  let cells = cellsOf(line);
  // A serial number column: 1 | 行政处罚案件数 | 126
  if (cells.length >= 3 && /^\d{1,3}$/.test(cells[0]?.text ?? '') && hasHan(cells[1]?.text ?? '')) cells = cells.slice(1);
  if (cells.length < 2) return null;
  const firstFigure = cells.findIndex((cell) => readFigureCell(cell.text) !== null);
  if (firstFigure < 1) return null;
  // A unit column may stand between the label and the figures: 罚没金额 | 万元 | 36.8
  const leading = cells.slice(0, firstFigure);
  const unitBefore = leading.find((cell) => isUnitCell(cell.text))?.text.replace(/[()（）]/g, '') ?? null;
  const labelCells = leading.filter((cell) => !isUnitCell(cell.text));
  if (labelCells.length === 0 || !labelCells.every((cell) => hasHan(cell.text) && !/\d/.test(cell.text))) return null;
  const rest = cells.slice(firstFigure);
  if (!rest.every((cell) => readFigureCell(cell.text) !== null || isUnitCell(cell.text) || DASH.test(cell.text))) return null;
  const { label, unit: labelUnit } = labelAndUnit(labelCells.map((cell) => cell.text).join(''));
  if (label.length === 0 || label.length > MAX_LABEL_LENGTH) return null;

  const figureIndexes = cells.map((cell, i) => (i >= firstFigure && readFigureCell(cell.text) !== null ? i : -1)).filter((i) => i !== -1);
  if (figureIndexes.length > 1) multiColumnRows.push({ start: line.start, end: line.end });
  const header = headerAbove(lines, index);
  let chosen: number | null = null;
  if (header) {
    // Align from the right: a label may span several cells, the figure columns end every row.
    const offset = header.cells.length - cells.length;
    const columns = figureIndexes.map((i) => ({ i, column: columnFor(header.cells[i + offset], reportYear) }));
    const thisYear = columns.filter((c) => c.column === 'this');
    if (thisYear.length === 1) chosen = thisYear[0]?.i ?? null;
    else if (thisYear.length === 0 && figureIndexes.length === 1 && columns[0]?.column === 'unknown') chosen = figureIndexes[0] ?? null;
  } else if (figureIndexes.length === 1) {
    chosen = figureIndexes[0] ?? null;
  }
  if (chosen === null) return null;
  const cell = cells[chosen];
  const read = cell ? readFigureCell(cell.text) : null;
  if (!cell || !read) return null;
  const unitCell = cells.slice(chosen + 1).find((c) => isUnitCell(c.text))?.text.replace(/[()（）]/g, '') ?? null;
  const figure = withUnit(read, labelUnit ?? unitBefore ?? unitCell ?? unitNoteAbove(lines, index));
  return { label, value: figure.value, measure: figure.measure, approx: read.approx, figureStart: cell.start, start: line.start, end: line.end };
}

/** A table read from a Word file: the label on one line, its only figure on the next. */
function readCellPerLine(lines: Span[], index: number, line: Span, reportYear: number | null): TableFigure | null {
  if (!hasHan(line.text) || /\d/.test(line.text) || /\s/.test(line.text)) return null;
  const valueIndex = nextNonEmpty(lines, index);
  const valueLine = valueIndex === -1 ? undefined : lines[valueIndex];
  if (!valueLine) return null;
  const read = readFigureCell(valueLine.text);
  if (!read) return null;
  // Several figures under one label are columns (years, changes) this shape cannot tell apart.
  const afterIndex = nextNonEmpty(lines, valueIndex);
  const afterLine = afterIndex === -1 ? undefined : lines[afterIndex];
  if (afterLine && readFigureCell(afterLine.text) !== null) return null;
  const previousIndex = previousNonEmptyLine(lines, index);
  const previousLine = previousIndex === -1 ? undefined : lines[previousIndex];
  if (previousLine && readFigureCell(previousLine.text) !== null && previousNonEmptyLine(lines, previousIndex) !== -1) {
    // The label follows a figure: fine in a list of pairs, but not after a run of figures (a header of years).
    const beforeThat = lines[previousNonEmptyLine(lines, previousIndex)];
    if (beforeThat && readFigureCell(beforeThat.text) !== null) return null;
  }
  const { label, unit } = labelAndUnit(line.text);
  if (label.length === 0 || label.length > MAX_LABEL_LENGTH) return null;
  if (columnFor(label, reportYear) === 'other') return null;
  // A header cell of another year or of a change above (指标 / 2023年): the one figure is that column's.
  if (headerCellsAbove(lines, index).some((cell) => columnFor(cell, reportYear) === 'other')) return null;
  const figure = withUnit(read, unit ?? unitNoteAbove(lines, index));
  return { label, value: figure.value, measure: figure.measure, approx: read.approx, figureStart: valueLine.start, start: line.start, end: valueLine.end };
}

/** The header cells of a Word table above a label: lines of their own naming a year, 本年, 上年, 同比 … */
function headerCellsAbove(lines: Span[], index: number): string[] {
  const cells: string[] = [];
  for (let i = index - 1; i >= 0 && i >= index - MAX_TABLE_LINES_BACK; i -= 1) {
    const line = lines[i];
    if (!line) break;
    if (line.text === '') continue;
    if (!tableLike(line)) break;
    if (YEAR_CELL.test(line.text) || THIS_YEAR_CELL.test(line.text) || OTHER_COLUMN_CELL.test(line.text)) cells.push(line.text);
  }
  return cells;
}

function nextNonEmpty(lines: Span[], index: number): number {
  for (let i = index + 1; i < lines.length; i += 1) if ((lines[i]?.text ?? '') !== '') return i;
  return -1;
}

function previousNonEmptyLine(lines: Span[], index: number): number {
  for (let i = index - 1; i >= 0; i -= 1) if ((lines[i]?.text ?? '') !== '') return i;
  return -1;
}
