import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerCommands } from './index.ts';

const argv = (...args: string[]) => ['node', 'fazhi', ...args];
const names = (program: Command) => program.commands.map((c) => c.name()).sort();

describe('lazy command registration', () => {
  it('registers every command for help, and each top-level command alone when it is named', async () => {
    const all = new Command('fazhi');
    await registerCommands(all, argv('--help'));
    expect(names(all)).toEqual(['analyze', 'audit', 'benchmarks', 'cases', 'db', 'demo', 'docs', 'draw', 'files', 'intake-key', 'org', 'report', 'serve', 'start', 'todo', 'user']);
    for (const name of names(all)) {
      const one = new Command('fazhi');
      await registerCommands(one, argv(name, '--json'));
      expect(names(one)).toContain(name);
      expect(names(one).length).toBeLessThan(names(all).length);
    }
  });

  it('loads no command for --version, and all of them for an unknown name (so commander can suggest one)', async () => {
    const version = new Command('fazhi');
    await registerCommands(version, argv('--version'));
    expect(names(version)).toEqual([]);
    const typo = new Command('fazhi');
    await registerCommands(typo, argv('anlyze'));
    expect(names(typo)).toContain('analyze');
  });
});
