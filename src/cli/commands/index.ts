import type { Command } from 'commander';
import { registerAnalyzeCommand } from './analyze.ts';
import { registerAudit } from './audit.ts';
import { registerBenchmarks } from './benchmarks.ts';
import { registerCases } from './cases.ts';
import { registerDb } from './db.ts';
import { registerDocs } from './docs.ts';
import { registerServe } from './serve.ts';
import { registerUsers } from './users.ts';

/** Each command lives in its own file and registers itself here. */
export function registerCommands(program: Command): void {
  registerAnalyzeCommand(program);
  registerServe(program);
  registerDb(program);
  registerUsers(program);
  registerAudit(program);
  registerCases(program);
  registerDocs(program);
  registerBenchmarks(program);
}
