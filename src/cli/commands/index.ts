import type { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * Each command lives in its own file and registers itself. The files are loaded on demand: a command imports
 * only what it needs (`fazhi analyze` never loads the database driver, the web server or the document renderer),
 * which keeps every run from paying seconds of module loading. `--help`, no command or an unknown one loads them
 * all, so help lists every command and a typo gets commander's "did you mean".
 */
const loaders: Record<string, () => Promise<Register>> = {
  analyze: async () => (await import('./analyze.ts')).registerAnalyzeCommand,
  serve: async () => (await import('./serve.ts')).registerServe,
  db: async () => (await import('./db.ts')).registerDb,
  users: async () => (await import('./users.ts')).registerUsers,
  audit: async () => (await import('./audit.ts')).registerAudit,
  cases: async () => (await import('./cases.ts')).registerCases,
  docs: async () => (await import('./docs.ts')).registerDocs,
  benchmarks: async () => (await import('./benchmarks.ts')).registerBenchmarks,
  files: async () => (await import('./files.ts')).registerFiles,
  todo: async () => (await import('./todo.ts')).registerTodo,
  intakeKeys: async () => (await import('./intake-keys.ts')).registerIntakeKeys,
  report: async () => (await import('./report.ts')).registerReport,
  draw: async () => (await import('./draw.ts')).registerDraw,
};

/** Top-level command names and the file that registers each (serve.ts: serve, start, demo; users.ts: user, org). */
const fileOfCommand: Record<string, keyof typeof loaders> = {
  analyze: 'analyze',
  serve: 'serve',
  start: 'serve',
  demo: 'serve',
  db: 'db',
  user: 'users',
  org: 'users',
  audit: 'audit',
  cases: 'cases',
  docs: 'docs',
  benchmarks: 'benchmarks',
  files: 'files',
  todo: 'todo',
  'intake-key': 'intakeKeys',
  report: 'report',
  draw: 'draw',
};

const VERSION_FLAGS = new Set(['-V', '--version']);

/** Registers the command named in `argv` (after node and the script), or every command when none is recognised. */
export async function registerCommands(program: Command, argv: readonly string[]): Promise<void> {
  const first = argv[2];
  if (first !== undefined && VERSION_FLAGS.has(first)) return;
  const file = first === undefined ? undefined : fileOfCommand[first];
  const chosen = file ? [loaders[file]] : Object.values(loaders);
  for (const load of chosen) (await load!())(program);
}
