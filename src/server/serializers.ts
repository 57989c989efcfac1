/**
 * Response serialization (issue 16). The route `response:` schemas are zod schemas; checking every answer against
 * them with zod (fastify-type-provider-zod's serializer) was a large share of a case view's CPU time. Outside tests
 * each schema is compiled once to a fast-json-stringify serializer from its JSON Schema — what Fastify does for plain
 * JSON schemas — which writes only the properties the schema names, as zod's would.
 *
 * Under test (`check`), zod still checks and encodes every answer as before, and the compiled serializer's output
 * must be the same JSON: any difference fails the request, so the HTTP tests prove the two agree on every answer
 * they see. A schema that cannot be compiled (no JSON Schema for it) keeps zod.
 */
import fastJsonStringify from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';

type Serialize = (data: unknown) => string;
type CompilerInput = Parameters<typeof zodSerializerCompiler>[0];

/** JSON Schema `anyOf: [X, {type: 'null'}]` (zod's nullable) as `type: [X's type, 'null']`, which needs no validation to pick. */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (!node || typeof node !== 'object') return node;
  const o = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, simplify(v)])) as Record<string, unknown>;
  const any = o.anyOf as Record<string, unknown>[] | undefined;
  if (Array.isArray(any) && any.length === 2 && Object.keys(o).length === 1) {
    const nullAt = any.findIndex((s) => s.type === 'null' && Object.keys(s).length === 1);
    const other = any[1 - nullAt];
    if (nullAt >= 0 && other && typeof other.type === 'string') return { ...other, type: [other.type, 'null'] };
  }
  return o;
}

/** The compiled serializer of a zod schema, or null when it has no JSON Schema. */
export function compiledSerializer(schema: z.ZodType): Serialize | null {
  let json: unknown;
  try {
    // `input`: the JSON side of codecs (a timestamp is a date-time string; fast-json-stringify writes a Date as one).
    json = z.toJSONSchema(schema, {
      io: 'input',
      // A type JSON Schema cannot describe becomes `{}`, which fast-json-stringify writes with JSON.stringify — what
      // zod's serializer does with the value it checked.
      unrepresentable: 'any',
      target: 'draft-7',
      // `z.custom` (the case record) accepts any JSON: an empty schema too. (Its `.meta({ type: 'object' })` for
      // OpenAPI would make it an object without properties, written as `{}`.)
      override: (context) => {
        if (context.zodSchema._zod.def.type === 'custom') for (const key of Object.keys(context.jsonSchema)) delete context.jsonSchema[key];
      },
    });
  } catch {
    return null;
  }
  const { $schema: _, ...rest } = simplify(json) as Record<string, unknown>;
  return fastJsonStringify(rest) as Serialize;
}

/** Fastify's serializer compiler for the zod route schemas: compiled, or (check) zod compared with compiled. */
export function responseSerializerCompiler(options: { check: boolean }) {
  return (input: CompilerInput): Serialize => {
    const zodSerialize = zodSerializerCompiler(input) as Serialize;
    const schema = input.schema as z.ZodType;
    if (!options.check) {
      // Compiled on the route's first answer, not at start-up: compiling every route's schema took about two
      // seconds of a server start (issue 16 item 6); most routes of a running server are never called.
      let serialize: Serialize | undefined;
      return (data) => {
        serialize ??= (schema instanceof z.ZodType ? compiledSerializer(schema) : null) ?? zodSerialize;
        return serialize(data);
      };
    }
    // Under test every schema is compiled at start-up, so one that cannot be compiled fails at once.
    const compiled = schema instanceof z.ZodType ? compiledSerializer(schema) : null;
    if (!compiled) return zodSerialize;
    return (data) => {
      const expected = zodSerialize(data);
      const actual = compiled(data);
      if (!isDeepStrictEqual(JSON.parse(actual), JSON.parse(expected))) {
        throw new Error(`compiled response serializer of ${input.method} ${input.url} differs from zod's:\n${actual.slice(0, 2000)}\n≠\n${expected.slice(0, 2000)}`);
      }
      return expected;
    };
  };
}
