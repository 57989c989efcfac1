import type { Command } from 'commander';
import { AppError } from '../domain/errors.ts';

/** Parse and run; an AppError becomes a one-line Chinese message on stderr and exit status 1. */
export async function runCli(program: Command, argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof AppError) {
      process.stderr.write(`错误：${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
