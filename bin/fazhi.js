#!/usr/bin/env node
// The `fazhi` command. Sources are TypeScript: a clone runs without a build step. Each run uses the CLI compiled
// to JavaScript (bin/compiled-cli.js: built on first use and whenever a source changes), and runs the sources
// through tsx when that is not possible.
import process from 'node:process';
import v8 from 'node:v8';
import { compiledCli } from './compiled-cli.js';

// A quick look at the embedded database spends most of its start compiling PGlite's WebAssembly; V8's baseline
// compiler alone halves that (measured: 1.4 s → 0.8 s of CPU), and a short query never needs the optimized tier.
// Long-running and heavy commands (the server, imports, the audit verification) keep both tiers.
const QUICK = new Set(['org list', 'cases list', 'cases show']);
if (QUICK.has(process.argv.slice(2, 4).join(' '))) v8.setFlagsFromString('--liftoff-only');

const compiled = await compiledCli();
if (compiled) {
  // Stack traces name the TypeScript sources when asked for (FAZHI_DEBUG=1); reading every chunk's source map
  // otherwise costs a quick command tens of milliseconds.
  if (process.env.FAZHI_DEBUG) process.setSourceMapsEnabled(true);
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
