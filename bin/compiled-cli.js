// The `fazhi` command compiled once to plain JavaScript, so each run does not pay tsx's per-module transpiling
// and loader round trips (about a second of a read-only command's start, measured). The sources stay the truth:
// on a run whose sources changed (or on the first run after a clone) the CLI is rebuilt with esbuild (installed
// with tsx) in about a second, into node_modules/.cache/fazhi-cli/; any failure falls back to running the
// TypeScript through tsx, as before. FAZHI_CLI_TSX=1 always uses tsx.
//
// Freshness: the build records every source file it read with its modification time and size; a run stats
// those (~150 files, a few milliseconds) and rebuilds when one differs. New files can only be reached through
// an import in a changed file, so the recorded list is enough.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const FORMAT = 3;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = 'src/cli/main.ts';
// Files outside the import graph that still change the output.
const extraInputs = ['package.json', 'package-lock.json', 'tsconfig.json', 'bin/compiled-cli.js'];
// One folder per checkout, so two clones sharing a node_modules (worktrees) do not overwrite each other.
const cacheDir = path.join(root, 'node_modules', '.cache', 'fazhi-cli', createHash('sha1').update(root).digest('hex').slice(0, 12));
const pointer = path.join(cacheDir, 'current.json');

/** The compiled entry's URL when a fresh build exists or can be made now; null to run through tsx instead. */
export async function compiledCli() {
  if (process.env.FAZHI_CLI_TSX === '1') return null;
  try {
    return fresh() ?? (await build());
  } catch (error) {
    if (process.env.FAZHI_DEBUG) process.stderr.write(`fazhi: compiled CLI unavailable, using tsx: ${error?.stack ?? error}\n`);
    return null;
  }
}

function stamp(file) {
  const s = statSync(path.join(root, file));
  return [file, Math.trunc(s.mtimeMs), s.size];
}

function fresh() {
  let current;
  try {
    current = JSON.parse(readFileSync(pointer, 'utf8'));
  } catch {
    return null;
  }
  if (current.format !== FORMAT) return null;
  for (const [file, mtime, size] of current.inputs) {
    let now;
    try {
      now = stamp(file);
    } catch {
      return null;
    }
    if (now[1] !== mtime || now[2] !== size) return null;
  }
  const main = path.join(cacheDir, current.build, 'main.js');
  statSync(main);
  return pathToFileURL(main).href;
}

/**
 * Bundles src/cli/main.ts (packages stay external but for BUNDLED_PACKAGES; each command file becomes its own
 * chunk, so the lazy loading of commands holds). `import.meta.url` / `dirname` / `filename` are replaced by the
 * source file's own, so files found next to a module (migrations, bundled CSV data, dist/web) are found as before.
 */
async function build() {
  const esbuild = await import('esbuild');
  // Stamps taken before bundling: a file saved while the bundle is made then looks changed on the next run.
  const before = new Map([...walk('src'), ...extraInputs].map((file) => [file, stamp(file)]));
  mkdirSync(cacheDir, { recursive: true });
  const tmp = path.join(cacheDir, `tmp-${process.pid}-${Date.now()}`);
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    plugins: [sourceLocationPlugin, packagesPlugin],
    outdir: tmp,
    sourcemap: true,
    sourcesContent: false,
    metafile: true,
    logLevel: 'silent',
    // Bundled CommonJS packages `require` Node's modules: give each chunk a real `require`.
    banner: { js: "import { createRequire as __fazhiCreateRequire } from 'node:module'; const require = __fazhiCreateRequire(import.meta.url);" },
  });
  absoluteSourceMaps(tmp);
  // Bundled packages change only with package-lock.json (an input): their files are not stamped one by one.
  const read = [...Object.keys(result.metafile.inputs).filter((f) => !f.includes(':') && !f.split('/').includes('node_modules')), ...extraInputs];
  const inputs = read.map((file) => before.get(file) ?? stamp(file));
  const buildId = createHash('sha1').update(JSON.stringify([FORMAT, esbuild.version, inputs])).digest('hex').slice(0, 16);
  const target = path.join(cacheDir, buildId);
  try {
    renameSync(tmp, target);
  } catch {
    // Another run built the same sources at the same time: use its copy.
    rmSync(tmp, { recursive: true, force: true });
  }
  const next = `${pointer}.${process.pid}`;
  writeFileSync(next, JSON.stringify({ format: FORMAT, build: buildId, inputs }));
  renameSync(next, pointer);
  removeOldBuilds(buildId);
  return pathToFileURL(path.join(target, 'main.js')).href;
}

/** The files under `dir` (relative to the checkout, `/`-separated as esbuild names them). */
function walk(dir) {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'));
}

/**
 * Source maps name the TypeScript files by absolute URL: relative names would be resolved from the real path of
 * the cache, which differs from the checkout's when node_modules is a symbolic link.
 */
function absoluteSourceMaps(dir) {
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.map')) continue;
    const file = path.join(dir, name);
    const map = JSON.parse(readFileSync(file, 'utf8'));
    map.sources = map.sources.map((source) => pathToFileURL(path.resolve(dir, source)).href);
    writeFileSync(file, JSON.stringify(map));
  }
}

/** Older builds go once nobody can still be loading chunks from them (a run takes seconds; keep an hour). */
function removeOldBuilds(keep) {
  const hourAgo = Date.now() - 3600_000;
  for (const name of readdirSync(cacheDir)) {
    if (name === keep || name === 'current.json' || name.startsWith('current.json.')) continue;
    const full = path.join(cacheDir, name);
    try {
      if (statSync(full).mtimeMs < hourAgo) rmSync(full, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

/**
 * Packages stay external (resolved from node_modules at run time) except these, made of hundreds of small modules:
 * loading drizzle-orm's and zod's ~400 files one by one was a fifth of a read-only command's start, and Fastify with
 * its plugins and their dependencies (~300 CommonJS files) half of the server's module loading on a restart (measured:
 * 0.48 → 0.24 s of CPU; docs/PERFORMANCE.md "Round 6 — start-up"). What a bundled package imports is bundled with it
 * (a nested dependency could not be resolved from the cache folder), except NEVER_BUNDLED.
 */
const BUNDLED_PACKAGES = new Set([
  'drizzle-orm',
  'zod',
  'fastify',
  'fastify-type-provider-zod',
  'fast-json-stringify',
  '@fastify/cookie',
  '@fastify/helmet',
  '@fastify/multipart',
  '@fastify/rate-limit',
  '@fastify/static',
]);
/**
 * Never bundled, wherever imported: native bindings and WebAssembly found next to their files, packages that read
 * their own files through `__dirname` (undefined in a bundled ES module), and pino (its transports start workers by
 * file name).
 */
const NEVER_BUNDLED = new Set(['@electric-sql/pglite', '@node-rs/argon2', '@fastify/swagger', 'pino', 'pdf-parse', 'docx', 'exceljs']);

const packagesPlugin = {
  name: 'fazhi-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const parts = args.path.split('/');
      const name = args.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      if (NEVER_BUNDLED.has(name)) return { path: args.path, external: true };
      const fromBundledPackage = args.importer.split(path.sep).includes('node_modules');
      return fromBundledPackage || BUNDLED_PACKAGES.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

const sourceLocationPlugin = {
  name: 'fazhi-source-location',
  setup(b) {
    b.onLoad({ filter: /\.(ts|tsx|mts)$/ }, async (args) => {
      let text = await readFile(args.path, 'utf8');
      if (text.includes('import.meta')) {
        text = text
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
          .replaceAll('import.meta.filename', JSON.stringify(args.path));
        // Anything else on import.meta would change meaning in a bundle: refuse, and run through tsx instead.
        if (text.includes('import.meta')) throw new Error(`${args.path}: import.meta other than url, dirname, filename`);
      }
      return { contents: text, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
    });
  },
};
