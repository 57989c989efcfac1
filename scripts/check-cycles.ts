/**
 * Fails when the TypeScript import graph of a folder (default `src/`) has a cycle. A cycle is a strongly
 * connected component of the graph (Tarjan), so every circle is found, including the ones made only of
 * `import type` or `export … from` edges: they still tie two modules' meaning together, and a type-only circle
 * turns into a runtime one as soon as a value is added to either side. Each component is printed as one readable
 * path (a → b → c → a). `npm run cycles`; part of `npm run check`.
 *
 * Only relative specifiers are followed (packages cannot import us back); `./x.ts`, `./x.js`, `./x` and `./x/`
 * resolve to `.ts`, `.tsx` or `index.ts(x)`. Test files are left out: they import the code they test, never the
 * other way round.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export type ImportGraph = Map<string, string[]>;

const SOURCE = /\.(ts|tsx|mts|cts)$/;
const TEST = /\.test\.(ts|tsx)$/;

function sourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (SOURCE.test(entry.name) && !TEST.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
    }
  };
  walk(root);
  return out.sort();
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

/** The file a relative specifier names, or null when it leaves the known sources (assets, JSON, packages). */
function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  const stem = base.replace(/\.(js|jsx|mjs|cjs)$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  for (const candidate of candidates) if (SOURCE.test(candidate) && isFile(candidate)) return candidate;
  return null;
}

/**
 * Every module's relative imports: `import`, `import type`, `export … from`, `import()` and `require()` alike
 * (`ts.preProcessFile` reads them all without type-checking, so this takes well under a second).
 */
export function buildImportGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(root)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const ref of info.importedFiles) {
      const target = resolveSpecifier(file, ref.fileName);
      if (target) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** Strongly connected components with more than one module (or a module importing itself), by Tarjan's algorithm. */
export function findCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  // Iterative, so a deep import chain cannot overflow the call stack.
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const edges = graph.get(frame.node) ?? [];
      if (frame.next < edges.length) {
        const target = edges[frame.next++]!;
        if (!graph.has(target)) continue;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && (graph.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) components.push(component.sort());
      }
    }
  }
  return components.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/**
 * One closed path through a component that a reader can follow: the shortest way from its first module back to
 * itself (breadth-first inside the component). Larger components may hold more edges than the path shows; the
 * member list printed next to it names them all.
 */
export function cyclePath(graph: ImportGraph, component: string[]): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const target of graph.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/** Checks `root` and returns the report lines (empty when there is no cycle). */
export function checkCycles(root: string): string[] {
  const graph = buildImportGraph(root);
  const cycles = findCycles(graph);
  const show = (file: string) => path.relative(process.cwd(), file) || file;
  const lines: string[] = [];
  cycles.forEach((component, i) => {
    const route = cyclePath(graph, component);
    lines.push(`cycle ${i + 1}: ${route.map(show).join(' → ')}`);
    if (route.length - 1 < component.length) lines.push(`  (${component.length} modules: ${component.map(show).join(', ')})`);
  });
  return lines;
}

/** The command: checks `root`, writes the verdict, and returns the exit status (1 when there is a cycle). */
export function runCycleCheck(root: string, out: { stdout: (text: string) => void; stderr: (text: string) => void }): number {
  const lines = checkCycles(root);
  const name = path.relative(process.cwd(), root) || root;
  if (lines.length) {
    out.stderr(`Import cycles in ${name} (move what both sides share into a module both import):\n${lines.join('\n')}\n`);
    return 1;
  }
  out.stdout(`No import cycles in ${name}.\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = runCycleCheck(path.resolve(process.argv[2] ?? 'src'), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
