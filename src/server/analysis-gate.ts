/**
 * How many report analyses run at once in this process. Parsing a .docx or .pdf and analyzing its text is CPU and
 * memory heavy; without a limit, a few large uploads at once stall every other request. At most `concurrency`
 * analyses run; up to `queueLength` more wait (each at most `maxWaitMs`), in arrival order; beyond that, or after
 * waiting too long, the request is refused 503 BUSY “分析任务繁忙，请稍后重试” with a Retry-After hint.
 */
import { AppError } from '../domain/errors.ts';

/** Analyses running at once per process. */
export const ANALYSES_AT_ONCE = 2;
/** Analyses waiting for a free slot; one more is refused at once. */
export const ANALYSIS_QUEUE_LENGTH = 4;
/** Longest wait for a slot before the request is refused. */
export const ANALYSIS_MAX_WAIT_MS = 30_000;

export const ANALYSIS_BUSY_MESSAGE = '分析任务繁忙，请稍后重试';

export interface AnalysisGate {
  /** Runs `work` when a slot is free (waiting in the queue if need be); throws BUSY when the queue is full or the wait too long. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Running and waiting analyses now. */
  load(): { running: number; waiting: number };
}

export function createAnalysisGate(options: { concurrency?: number; queueLength?: number; maxWaitMs?: number } = {}): AnalysisGate {
  const concurrency = options.concurrency ?? ANALYSES_AT_ONCE;
  const queueLength = options.queueLength ?? ANALYSIS_QUEUE_LENGTH;
  const maxWaitMs = options.maxWaitMs ?? ANALYSIS_MAX_WAIT_MS;
  let running = 0;
  const waiting: { start: () => void; timer: NodeJS.Timeout }[] = [];
  const busy = () => new AppError('BUSY', ANALYSIS_BUSY_MESSAGE, { retryAfterSeconds: Math.ceil(maxWaitMs / 1000) });

  const acquire = (): Promise<void> => {
    if (running < concurrency) {
      running++;
      return Promise.resolve();
    }
    if (waiting.length >= queueLength) return Promise.reject(busy());
    return new Promise((resolve, reject) => {
      const entry = {
        start: () => {
          clearTimeout(entry.timer);
          running++;
          resolve();
        },
        timer: setTimeout(() => {
          const at = waiting.indexOf(entry);
          if (at >= 0) waiting.splice(at, 1);
          reject(busy());
        }, maxWaitMs),
      };
      waiting.push(entry);
    });
  };
  const release = () => {
    running--;
    waiting.shift()?.start();
  };
  return {
    async run(work) {
      await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
    load: () => ({ running, waiting: waiting.length }),
  };
}
