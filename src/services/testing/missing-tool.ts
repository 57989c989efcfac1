/**
 * Tests that need a program the project does not install through npm (LibreOffice for PDF, poppler for binding and
 * page images) skip on a machine without it — `npm install && npm test` passes with Node.js alone — and say why on
 * the console, once per program and test file. CI installs them (.ci/apt-packages) and runs those tests.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findPdfUnite, findSoffice } from '../documents/pdf.ts';

const tools = {
  soffice: { name: 'LibreOffice (soffice or libreoffice)', debian: 'libreoffice-writer-nogui and the fonts in .ci/apt-packages', find: findSoffice },
  pdfunite: { name: 'pdfunite', debian: 'poppler-utils', find: findPdfUnite },
  pdftoppm: { name: 'pdftoppm', debian: 'poppler-utils', find: () => onPath('pdftoppm') },
} as const;

export type Tool = keyof typeof tools;

const reported = new Set<Tool>();

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** The path of `tool`, or undefined after printing which tests skip and what to install. */
export function findTool(tool: Tool): string | undefined {
  const { name, debian, find } = tools[tool];
  const found = find();
  if (!found && !reported.has(tool)) {
    reported.add(tool);
    console.info(`[skip] ${name} is not on PATH: the tests that need it are skipped here (Debian: apt-get install ${debian}).`);
  }
  return found;
}

/** True when some of `needed` is missing (each missing one reported as by `findTool`), for `it.skipIf`. */
export function missing(...needed: Tool[]): boolean {
  return needed.map((tool) => findTool(tool)).some((found) => !found);
}
