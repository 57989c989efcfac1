/**
 * Turns a zod object schema (a case action, a clue, an on-spot decision) into the fields of a generated form,
 * through zod's own JSON Schema (`z.toJSONSchema`, input side: defaults make a field optional). Titles and hints
 * come from the schemas' `.meta({ title, description })`; the widget from the type and a few naming conventions:
 *
 *   - `format: 'date'` (isoDateInput)                        → date picker (`date-time-local`, `time`: with time)
 *   - integer whose name ends in `Fen`                        → money, entered in 元 and sent in 分
 *   - integer (array) whose name ends in `Id` / `Ids`          → a picker: organization, power-list item, an officer
 *     of the case (`officerId`, `recorderId`), certified officers (every `…Ids` list but a discussion's
 *     `participantIds`, and `replacementId`) or any user
 *   - enum                                                    → select with the Chinese labels of enum-labels.ts
 *   - string longer than 200 characters allowed               → text area
 *   - `discretionFacts`                                       → the discretion helper (DiscretionHelper.tsx)
 *   - `readOnly: true` (values the system fills, e.g. the discretion tier) → shown, not editable
 *
 * Pure: no React, so the mapping is tested on every action schema (schema-fields.test.ts).
 */
import { z } from 'zod';
import { enumOptions } from './enum-labels.ts';

export type ReferenceKind = 'organization' | 'powerItem' | 'caseOfficer' | 'certifiedOfficer' | 'user';

export type FieldSpec =
  | (FieldBase & { kind: 'text' | 'longText' | 'date' | 'dateTime' | 'time' | 'money' | 'integer' | 'number' | 'boolean' | 'facts' })
  | (FieldBase & { kind: 'enum' | 'enumList'; options: { value: string; label: string }[] })
  | (FieldBase & { kind: 'reference' | 'referenceList'; ref: ReferenceKind })
  | (FieldBase & { kind: 'textList' })
  | (FieldBase & { kind: 'object'; fields: FieldSpec[] })
  | (FieldBase & { kind: 'objectList'; fields: FieldSpec[] })
  | (FieldBase & { kind: 'variant'; discriminator: string; variants: Variant[] });

export interface FieldBase {
  /** Property name; `path` is the full path from the form's root (array items not included). */
  name: string;
  path: string[];
  title: string;
  description: string | undefined;
  /** Must be given (not optional, no default). */
  required: boolean;
  /** May be null (e.g. a continuing act has no end date). */
  nullable: boolean;
  /** Filled by the system (JSON Schema `readOnly`): shown, never typed in. */
  readOnly: boolean;
  defaultValue: unknown;
  maxLength: number | undefined;
  minItems: number | undefined;
  maxItems: number | undefined;
}

export interface Variant {
  value: string;
  label: string;
  fields: FieldSpec[];
}

type Json = Record<string, unknown>;

/** The JSON Schema of a zod object, as a form sees it (input side). */
export function jsonSchemaOf(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
}

/** The fields of an object schema, in declaration order; `omit` drops fields the caller fills itself. */
export function fieldsOf(schema: z.ZodType, omit: readonly string[] = []): FieldSpec[] {
  return objectFields(jsonSchemaOf(schema), []).filter((f) => !omit.includes(f.name));
}

function objectFields(node: Json, path: string[]): FieldSpec[] {
  const properties = (node.properties ?? {}) as Record<string, Json>;
  const required = new Set((node.required ?? []) as string[]);
  return Object.entries(properties).map(([name, prop]) => fieldOf(name, [...path, name], prop, required.has(name)));
}

/** `anyOf: [X, {type:'null'}]` and `type: [X, 'null']` → X, nullable; outer title/description/default kept. */
function unwrapNullable(node: Json): { node: Json; nullable: boolean } {
  const anyOf = node.anyOf as Json[] | undefined;
  if (anyOf) {
    const others = anyOf.filter((n) => n.type !== 'null');
    if (others.length === 1 && others.length < anyOf.length) {
      const { anyOf: _drop, ...outer } = node;
      return { node: { ...others[0], ...outer }, nullable: true };
    }
  }
  if (Array.isArray(node.type) && node.type.includes('null')) {
    const types = (node.type as string[]).filter((t) => t !== 'null');
    return { node: { ...node, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  return { node, nullable: false };
}

function fieldOf(name: string, path: string[], raw: Json, required: boolean): FieldSpec {
  const { node, nullable } = unwrapNullable(raw);
  const base: FieldBase = {
    name,
    path,
    title: typeof node.title === 'string' ? node.title : name,
    description: typeof node.description === 'string' ? node.description : undefined,
    required,
    nullable,
    readOnly: node.readOnly === true,
    defaultValue: node.default,
    maxLength: typeof node.maxLength === 'number' ? node.maxLength : undefined,
    minItems: typeof node.minItems === 'number' ? node.minItems : undefined,
    maxItems: typeof node.maxItems === 'number' ? node.maxItems : undefined,
  };
  if (name === 'discretionFacts') return { ...base, kind: 'facts' };
  if (Array.isArray(node.oneOf)) return variantField(base, node.oneOf as Json[]);
  switch (node.type) {
    case 'object':
      return { ...base, kind: 'object', fields: objectFields(node, path) };
    case 'array':
      return arrayField(base, (node.items ?? {}) as Json);
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'integer':
      if (name.endsWith('Fen')) return { ...base, kind: 'money' };
      if (name.endsWith('Id')) return { ...base, kind: 'reference', ref: referenceKind(name) };
      return { ...base, kind: 'integer' };
    case 'number':
      return { ...base, kind: 'number' };
    default:
      if (Array.isArray(node.enum)) return { ...base, kind: 'enum', options: enumOptions(node.enum as string[]) };
      if (node.format === 'date') return { ...base, kind: 'date' };
      if (node.format === 'date-time-local') return { ...base, kind: 'dateTime' };
      if (node.format === 'time') return { ...base, kind: 'time' };
      return { ...base, kind: (base.maxLength ?? 0) > 200 ? 'longText' : 'text' };
  }
}

function arrayField(base: FieldBase, items: Json): FieldSpec {
  if (Array.isArray(items.enum)) return { ...base, kind: 'enumList', options: enumOptions(items.enum as string[]) };
  // The heads and 列席 of a collective discussion are any users of the case's reach (the step sorts them out).
  if (items.type === 'integer' && base.name === 'participantIds') return { ...base, kind: 'referenceList', ref: 'user' };
  // People listed on a case act as its officers: each needs a valid certificate (《行政处罚法》第四十二条).
  if (items.type === 'integer' && base.name.endsWith('Ids')) return { ...base, kind: 'referenceList', ref: 'certifiedOfficer' };
  if (items.type === 'object') return { ...base, kind: 'objectList', fields: objectFields(items, []) };
  return { ...base, kind: 'textList' };
}

function referenceKind(name: string): ReferenceKind {
  if (name === 'organizationId') return 'organization';
  if (name === 'powerItemId') return 'powerItem';
  // A recusal or a record names one of the case's own officers.
  if (name === 'officerId' || name === 'recorderId') return 'caseOfficer';
  // An officer joining a case must hold a valid certificate (《行政处罚法》第四十二条).
  if (name === 'replacementId') return 'certifiedOfficer';
  return 'user';
}

/** A discriminated union of objects (e.g. the party: person or organization), chosen by its constant field. */
function variantField(base: FieldBase, options: Json[]): FieldSpec {
  const firstProps = (options[0]?.properties ?? {}) as Record<string, Json>;
  const discriminator = Object.keys(firstProps).find((k) => options.every((o) => ((o.properties as Record<string, Json>)[k] ?? {}).const !== undefined));
  if (!discriminator) return { ...base, kind: 'text' };
  const variants = options.map((o) => {
    const tag = (o.properties as Record<string, Json>)[discriminator]!;
    const value = String(tag.const);
    return {
      value,
      label: typeof tag.title === 'string' ? tag.title : (enumOptions([value])[0]?.label ?? value),
      fields: objectFields(o, base.path).filter((f) => f.name !== discriminator),
    };
  });
  return { ...base, kind: 'variant', discriminator, variants };
}

/** Every field of a tree, depth first (objects and the variants' fields included). */
export function flattenFields(fields: readonly FieldSpec[]): FieldSpec[] {
  return fields.flatMap((f) => {
    if (f.kind === 'object' || f.kind === 'objectList') return [f, ...flattenFields(f.fields)];
    if (f.kind === 'variant') return [f, ...f.variants.flatMap((v) => flattenFields(v.fields))];
    return [f];
  });
}
