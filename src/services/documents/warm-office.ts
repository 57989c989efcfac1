/**
 * One LibreOffice kept warm: a headless soffice listening on a private UNO pipe, driven by soffice-worker.py (run by
 * a Python that can `import uno`: Debian `python3-uno`, or the python LibreOffice bundles). Starting LibreOffice is
 * most of a one-shot `soffice --convert-to` (seconds on a busy machine); a warm process converts a page in a
 * fraction of that.
 *
 * - Started lazily by the first conversion, then reused; conversions are serialised (a queue, one request at a time:
 *   LibreOffice is single-threaded for document loading anyway).
 * - A request is a batch: several documents in one round trip.
 * - Restarted when it dies (a crashed request is retried once on a fresh process) or hangs (a request over its
 *   timeout kills it; the next request starts a new one).
 * - Never left behind: the worker is a process-group leader killed with its soffice on `stop()` and on this
 *   process's exit; should this process be killed outright, the worker sees its stdin close and stops soffice, and
 *   soffice dies with the worker (PR_SET_PDEATHSIG). Idle, it does not keep this process alive (unref).
 * - When it cannot start (no python3-uno, soffice refuses), `start` fails with `OfficeUnavailable`; pdf.ts then
 *   falls back to one-shot conversions.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../domain/errors.ts';

const WORKER_SCRIPT = path.join(import.meta.dirname, 'soffice-worker.py');
/** First start initialises a LibreOffice profile: allow for a busy machine. */
const START_TIMEOUT_MS = 90_000;

/** The warm process could not be started: convert another way. */
export class OfficeUnavailable extends Error {}

/** The process died in the middle of a request (it is restarted for the next one). */
class OfficeCrashed extends Error {}

export interface ConversionJob {
  /** The .docx to read and the PDF to write (absolute paths). */
  input: string;
  output: string;
}

interface Pending {
  id: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** soffice.bin itself when `soffice` is Debian's wrapper script (its launcher forks, and it must die with the worker). */
export function officeBinary(soffice: string): string {
  const real = realpathSync(soffice);
  const bin = path.join(path.dirname(real), 'soffice.bin');
  return path.basename(real) === 'soffice' && existsSync(bin) ? bin : real;
}

/** A Python that has LibreOffice's `uno` module: FAZHI_UNO_PYTHON, LibreOffice's bundled one, else the system's. */
export function unoPython(soffice: string): string | undefined {
  const configured = process.env.FAZHI_UNO_PYTHON;
  if (configured !== undefined) return configured !== '' && existsSync(configured) ? configured : undefined;
  const candidates = [path.join(path.dirname(officeBinary(soffice)), 'python'), '/usr/bin/python3'];
  return candidates.find((candidate) => existsSync(candidate));
}

const live = new Set<WarmOffice>();
let exitHookInstalled = false;

export class WarmOffice {
  /** The soffice process id while running (tests check that it is reused). */
  pid: number | undefined;
  private worker: ChildProcess | undefined;
  private starting: Promise<void> | undefined;
  private pending: Pending | undefined;
  private nextId = 1;
  private tail: Promise<unknown> = Promise.resolve();
  private profileDir: string | undefined;

  constructor(
    readonly soffice: string,
    readonly python: string,
    /** The environment of the process (pdf.ts: sofficeEnvironment), given the private home directory. */
    private readonly environment: (home: string) => NodeJS.ProcessEnv,
  ) {}

  /** Converts the jobs in one request, after the requests before it; retried once on a fresh process after a crash. */
  convert(jobs: readonly ConversionJob[], timeoutMs: number): Promise<void> {
    const run = async () => {
      try {
        await this.request(jobs, timeoutMs);
      } catch (error) {
        if (!(error instanceof OfficeCrashed)) throw error;
        await this.request(jobs, timeoutMs);
      }
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Kills the worker and its soffice and removes the profile. */
  stop(): void {
    this.kill();
    if (this.profileDir) rmSync(this.profileDir, { recursive: true, force: true });
    this.profileDir = undefined;
    live.delete(this);
  }

  private async request(jobs: readonly ConversionJob[], timeoutMs: number): Promise<void> {
    await this.start();
    const worker = this.worker;
    if (!worker?.stdin) throw new OfficeCrashed('LibreOffice 转换进程已退出');
    const id = this.nextId++;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        this.kill();
        reject(new AppError('INTERNAL', `LibreOffice 超时（${String(timeoutMs / 1000)} 秒）未完成`, { command: 'soffice' }));
      }, timeoutMs);
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.pending = undefined;
        if (error) reject(error);
        else resolve();
      };
      this.pending = { id, resolve: () => done(), reject: done };
      worker.stdin?.write(`${JSON.stringify({ id, jobs: jobs.map((j) => ({ in: j.input, out: j.output })) })}\n`);
    });
  }

  private start(): Promise<void> {
    if (this.worker && this.pid !== undefined) return Promise.resolve();
    this.starting ??= this.launch().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private launch(): Promise<void> {
    this.profileDir ??= mkdtempSync(path.join(tmpdir(), 'fazhi-office-'));
    const home = this.profileDir;
    const pipe = `fazhi-${String(process.pid)}-${randomBytes(4).toString('hex')}`;
    const profile = pathToFileURL(path.join(home, 'profile')).href;
    const worker = spawn(this.python, [WORKER_SCRIPT, officeBinary(this.soffice), profile, pipe], {
      env: this.environment(home),
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group, so that stop() kills the worker and soffice together.
      detached: true,
    });
    this.worker = worker;
    this.pid = undefined;
    live.add(this);
    installExitHook();
    // A write to a worker that just died fails with EPIPE; its exit handler reports it to the request.
    worker.stdin?.on('error', () => undefined);
    let stderr = '';
    worker.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      const fail = (message: string) => {
        clearTimeout(timer);
        this.kill();
        reject(new OfficeUnavailable(message));
      };
      const timer = setTimeout(() => fail(`LibreOffice 未在 ${String(START_TIMEOUT_MS / 1000)} 秒内启动`), START_TIMEOUT_MS);
      worker.on('error', (error) => fail(error.message));
      worker.on('exit', (code, signal) => {
        // A worker killed on purpose (timeout, stop) has already been replaced: its exit concerns no request.
        if (this.worker !== worker) return;
        this.worker = undefined;
        this.pid = undefined;
        if (!ready) fail(`LibreOffice 转换进程退出（${String(code ?? signal)}）：${stderr.trim()}`);
        else this.pending?.reject(new OfficeCrashed(`LibreOffice 转换进程意外退出（${String(code ?? signal)}）`));
      });
      createInterface({ input: worker.stdout! }).on('line', (line) => {
        let message: { ready?: boolean; pid?: number; id?: number; ok?: boolean; error?: string; fatal?: boolean };
        try {
          message = JSON.parse(line) as typeof message;
        } catch {
          return;
        }
        if (message.ready !== undefined) {
          if (!message.ready) return fail(message.error ?? 'LibreOffice 未能启动');
          ready = true;
          clearTimeout(timer);
          this.pid = message.pid;
          idle(worker);
          resolve();
          return;
        }
        const pending = this.pending;
        if (!pending || pending.id !== message.id) return;
        if (message.ok) pending.resolve();
        else if (message.fatal) {
          // The worker is stopping: forget it now, so that the retry starts a new one.
          this.kill();
          pending.reject(new OfficeCrashed(message.error ?? 'LibreOffice 转换失败'));
        }
        else pending.reject(new AppError('INTERNAL', `LibreOffice 转换失败：${message.error ?? ''}`, { command: 'soffice' }));
      });
    });
  }

  private kill(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.pid = undefined;
    if (worker?.pid === undefined || worker.exitCode !== null || worker.signalCode !== null) return;
    try {
      process.kill(-worker.pid, 'SIGKILL');
    } catch {
      worker.kill('SIGKILL');
    }
  }
}

let shared: WarmOffice | undefined;

/** The process-wide warm LibreOffice for `soffice` run by `python` (a new one when either changed). */
export function sharedOffice(soffice: string, python: string, environment: (home: string) => NodeJS.ProcessEnv): WarmOffice {
  if (shared?.soffice !== soffice || shared.python !== python) {
    shared?.stop();
    shared = new WarmOffice(soffice, python, environment);
  }
  return shared;
}

/** The soffice process id of the shared warm LibreOffice while it runs. */
export function sharedOfficePid(): number | undefined {
  return shared?.pid;
}

/** Stops the shared warm LibreOffice (server shutdown, tests); the next conversion starts it again. */
export function stopSharedOffice(): void {
  shared?.stop();
  shared = undefined;
}

/** An idle worker does not keep this process alive; a request in flight is kept alive by its timeout timer. */
function idle(worker: ChildProcess): void {
  worker.unref();
  for (const stream of [worker.stdin, worker.stdout, worker.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const office of [...live]) office.stop();
  });
}
