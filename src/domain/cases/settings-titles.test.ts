import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseSettingsSchema } from './settings.ts';

type Node = { title?: string; type?: string | string[]; properties?: Record<string, Node>; anyOf?: Node[] };

/** Every leaf of the JSON Schema with its dotted path (objects are walked; `anyOf` of nullable fields kept as one). */
function leaves(node: Node, path: string[] = []): { path: string; node: Node }[] {
  if (node.type === 'object' && node.properties) {
    return Object.entries(node.properties).flatMap(([key, child]) => leaves(child, [...path, key]));
  }
  return [{ path: path.join('.'), node }];
}

describe('case settings form', () => {
  // The staff app's 办案参数 page is generated from this schema and shows each parameter under its title.
  it('gives every parameter (and every group) a Chinese title for the generated settings form', () => {
    const schema = z.toJSONSchema(caseSettingsSchema, { io: 'input', unrepresentable: 'any' }) as Node;
    const fields = leaves(schema);
    expect(fields.length).toBeGreaterThan(20);
    const untitled = fields.filter((f) => !/[\u4e00-\u9fa5]/.test(f.node.title ?? '')).map((f) => f.path);
    expect(untitled).toEqual([]);
    const groups = Object.entries(schema.properties ?? {}).filter(([, n]) => n.type === 'object');
    for (const [key, group] of groups) expect(group.title, key).toMatch(/[\u4e00-\u9fa5]/);
  });
});
