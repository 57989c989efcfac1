/**
 * Test helpers for refusals, shared by the tests of every layer: the AppError a step throws or rejects with, and
 * the check that a refusal is a legal rule citing its article, in Chinese.
 */
import { expect } from 'vitest';
import { AppError } from './errors.ts';

/** The AppError `run` throws (or the promise rejects with); fails when it succeeds or throws something else. */
export function refusal(run: () => unknown): AppError;
export function refusal(run: Promise<unknown>): Promise<AppError>;
export function refusal(run: (() => unknown) | Promise<unknown>): AppError | Promise<AppError> {
  const caught = (error: unknown): AppError => {
    if (error instanceof AppError) return error;
    throw error;
  };
  const allowed = () => new Error('expected a refusal, but the step was allowed');
  if (run instanceof Promise) {
    return run.then(
      () => {
        throw allowed();
      },
      caught,
    );
  }
  try {
    run();
  } catch (error) {
    return caught(error);
  }
  throw allowed();
}

/** `run` is refused by a legal rule citing `article`, with a Chinese message. */
export function expectRule(run: () => unknown, article: string): AppError {
  const error = refusal(run);
  expect(error.code).toBe('RULE_VIOLATION');
  expect(String(error.details?.article)).toContain(article);
  expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  return error;
}
