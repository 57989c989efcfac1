import { existsSync } from 'node:fs';

/**
 * The browser of the browser tests and of the benches that drive one: FAZHI_CHROMIUM, else Debian's headless shell
 * (package chromium-headless-shell: Chromium's old headless mode without the full browser around it — the same Blink,
 * 30 % less CPU over the browser tests on the 2-core machine, most of it the full browser process's own work), else
 * Debian's chromium. Kept apart from harness.ts so a caller need not load the server to know it.
 */
export const CHROMIUM = process.env.FAZHI_CHROMIUM ?? ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium'].find((candidate) => existsSync(candidate)) ?? '/usr/bin/chromium';
