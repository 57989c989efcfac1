import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';
import { runCli } from './run.ts';

const program = new Command('fazhi').description('法治 — 法治政府建设综合平台').version('0.1.0');
await registerCommands(program, process.argv);
await runCli(program, process.argv);
