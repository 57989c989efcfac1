/**
 * Between a generated form's values and the JSON the server takes: dates are dayjs values in the form and
 * `YYYY-MM-DD` on the wire (China's calendar), money is 元 in the form and 分 on the wire, fields that are hidden
 * or switched off are left out (or null where the schema takes null). Then the same zod schema the server uses
 * checks the result, and its problems are put back on the fields with Chinese messages.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { FieldSpec } from './schema-fields.ts';

type Values = Record<string, unknown>;
const OMIT = Symbol('omit');

/**
 * Fields shown only when a sibling has a given value (keyed by the field's path): the penalty only for a penalty
 * proposal, the education only when no penalty is given, a replacement only when the recusal is granted.
 */
const visibleWhen: Record<string, (siblings: Values) => boolean> = {
  'proposal.penalty': (s) => s.kind === 'penalty',
  'proposal.ground': (s) => s.kind === 'noPenalty',
  'proposal.education': (s) => s.kind === 'noPenalty',
  'proposal.reasoning': (s) => s.kind === 'noPenalty',
  'proposal.transferReason': (s) => s.kind === 'transferJudicial',
  'proposal.transferReceiver': (s) => s.kind === 'transferJudicial',
  replacementId: (s) => s.granted === true,
  // A blank end date is a continuing act only when the officer says so (issue 15): the date is asked for otherwise.
  actEndedOn: (s) => s.actContinuing !== true,
  // The nationality goes with a passport; a birth date only where the document number carries none (第三十条 ages).
  'party.nationality': (s) => s.idType === 'passport',
  'party.birthDate': (s) => s.idType === 'passport' || s.idType === 'hkMacaoPermit' || s.idType === 'taiwanPermit' || s.idType === 'foreignPermanentResidence',
  content: (s) => s.waived !== true,
  reply: (s) => s.waived !== true,
};

export const hasCondition = (f: FieldSpec) => Object.hasOwn(visibleWhen, f.path.join('.'));

export function isVisible(f: FieldSpec, siblings: Values | undefined): boolean {
  const rule = visibleWhen[f.path.join('.')];
  return rule ? rule(siblings ?? {}) : true;
}

/** An object that may be left out (optional, or null by default) is switched on by the officer first. */
export const isToggleable = (f: FieldSpec) => f.kind === 'object' && (f.nullable || !f.required) && (f.defaultValue === undefined || f.defaultValue === null) && !hasCondition(f);

/** The form field that holds whether a toggleable object is switched on. */
export const toggleName = (f: FieldSpec): (string | number)[] => ['__enabled', f.path.join('.')];

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Initial form values: schema defaults, today for the date of the step and other required dates. */
export function initialValues(fields: readonly FieldSpec[], today: string): Values {
  const values: Values = {};
  for (const f of fields) {
    const v = initialValue(f, today);
    if (v !== undefined) values[f.name] = v;
  }
  return values;
}

function initialValue(f: FieldSpec, today: string): unknown {
  switch (f.kind) {
    case 'date':
      return f.name === 'on' || (f.required && !f.nullable) ? dayjs(today) : undefined;
    case 'money':
      return typeof f.defaultValue === 'number' ? f.defaultValue / 100 : undefined;
    case 'boolean':
      return typeof f.defaultValue === 'boolean' ? f.defaultValue : false;
    case 'object':
      return initialValues(f.fields, today);
    case 'objectList':
      return (f.minItems ?? 0) > 0 ? [initialValues(f.fields, today)] : [];
    case 'variant': {
      const first = f.variants[0];
      return first ? { [f.discriminator]: first.value, ...initialValues(first.fields, today) } : undefined;
    }
    case 'enumList':
    case 'referenceList':
    case 'textList':
      return Array.isArray(f.defaultValue) ? f.defaultValue : [];
    case 'dateTime':
    case 'time':
    case 'facts':
      return undefined;
    case 'text':
    case 'longText':
    case 'integer':
    case 'number':
    case 'enum':
    case 'reference':
      return f.defaultValue === null ? undefined : f.defaultValue;
  }
}

/** The JSON body for the server from the form's values (`values` as antd's getFieldsValue(true) gives them). */
export function toPayload(fields: readonly FieldSpec[], values: Values): Values {
  return objectPayload(fields, values, values);
}

function objectPayload(fields: readonly FieldSpec[], values: Values, root: Values): Values {
  const out: Values = {};
  for (const f of fields) {
    const v = fieldPayload(f, values, root);
    if (v !== OMIT) out[f.name] = v;
  }
  return out;
}

const absent = (f: FieldSpec) => (f.nullable ? null : OMIT);

function fieldPayload(f: FieldSpec, siblings: Values, root: Values): unknown {
  if (!isVisible(f, siblings)) return absent(f);
  // The server fills these itself (e.g. the discretion tier, range and benchmark version).
  if (f.readOnly) return OMIT;
  const v = siblings[f.name];
  switch (f.kind) {
    case 'object': {
      const enabled = (root.__enabled as Record<string, unknown> | undefined)?.[f.path.join('.')] === true;
      if (isToggleable(f) && !enabled) return absent(f);
      return objectPayload(f.fields, (v ?? {}) as Values, root);
    }
    case 'objectList':
      return ((v ?? []) as Values[]).map((item) => objectPayload(f.fields, item ?? {}, root));
    case 'variant': {
      const chosen = (v ?? {}) as Values;
      const variant = f.variants.find((x) => x.value === chosen[f.discriminator]);
      return variant ? { [f.discriminator]: variant.value, ...objectPayload(variant.fields, chosen, root) } : OMIT;
    }
    case 'facts':
      return pruneFacts(v);
    case 'boolean':
      return v === true;
    case 'enumList':
    case 'referenceList':
    case 'textList': {
      const list = ((v ?? []) as unknown[]).filter((x) => !isEmpty(x)).map((x) => (typeof x === 'string' ? x.trim() : x));
      return list.length === 0 && !f.required ? OMIT : list;
    }
    case 'text':
    case 'longText':
      if (typeof v === 'string' && v.trim() !== '') return v;
      return f.required ? '' : absent(f);
    case 'date':
    case 'dateTime':
    case 'time':
    case 'money':
    case 'integer':
    case 'number':
    case 'enum':
    case 'reference':
      return isEmpty(v) ? absent(f) : scalarPayload(f.kind, v);
  }
}

const dateFormats = { date: 'YYYY-MM-DD', dateTime: 'YYYY-MM-DDTHH:mm', time: 'HH:mm' } as const;

function scalarPayload(kind: FieldSpec['kind'], v: unknown): unknown {
  if (kind === 'date' || kind === 'dateTime' || kind === 'time') return (v as Dayjs).format(dateFormats[kind]);
  if (kind === 'money') return yuanToFen(v as number);
  return v;
}

/** 元 as typed (at most two decimals) → 分, exact: 12.34 → 1234, never 1233.9999. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Discretion facts: only what the officer entered (an unanswered question is not "no"). */
export function pruneFacts(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? value : OMIT;
  if (value && typeof value === 'object' && !dayjs.isDayjs(value)) {
    const out: Values = {};
    for (const [k, v] of Object.entries(value as Values)) {
      const pruned = pruneFacts(v);
      if (pruned !== OMIT) out[k] = pruned;
    }
    return Object.keys(out).length ? out : OMIT;
  }
  return isEmpty(value) ? OMIT : value;
}

export interface FormProblem {
  /** antd name path of the field, or [] when the problem is not about one field. */
  name: (string | number)[];
  message: string;
}

/** The zod check the server makes, made before sending; problems with Chinese messages for the fields. */
export function checkPayload(schema: z.ZodType, payload: Values, fields: readonly FieldSpec[]): FormProblem[] {
  const result = schema.safeParse(payload);
  if (result.success) return [];
  const titles = titlesByPath(fields);
  return result.error.issues.map((issue) => {
    const name = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const title = titles.get(name.filter((p) => typeof p === 'string').join('.'));
    const given = issue.path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined), payload);
    const missing = given === undefined || given === null;
    return { name, message: missing && title ? `请填写“${title}”` : issue.message };
  });
}

function titlesByPath(fields: readonly FieldSpec[], prefix: string[] = []): Map<string, string> {
  const map = new Map<string, string>();
  for (const f of fields) {
    const path = [...prefix, f.name];
    map.set(path.join('.'), f.title);
    const children = f.kind === 'object' || f.kind === 'objectList' ? f.fields : f.kind === 'variant' ? f.variants.flatMap((v) => v.fields) : [];
    for (const [k, t] of titlesByPath(children, path)) map.set(k, t);
  }
  return map;
}

/** `party.idNumber` / `instalments.0.amountFen` from the server → an antd name path. */
export function namePathOf(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

const isPlain = (v: unknown): v is Values => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** `base` with `over` laid on it, nested plain objects merged (a prefilled 处罚依据 keeps the form's other defaults). */
export function mergeValues(base: Values, over: Values | undefined): Values {
  if (!over) return base;
  const merged: Values = { ...base };
  for (const [k, v] of Object.entries(over)) merged[k] = isPlain(v) && isPlain(base[k]) ? mergeValues(base[k], v) : v;
  return merged;
}
