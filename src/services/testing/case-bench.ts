/**
 * The set-up most case service tests share: one test database for the file, reset and given the small world
 * (factories.ts `newWorld`) before each test, and steps taken on a day of their own. Call at the top of a test file:
 * `const t = caseBench();` then `t.w`, `t.ctx`, `t.at('2026-03-05')`, `t.step('2026-03-05', 'wanglei', c, { … })`.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase, resetTestDatabase } from '../../db/testing.ts';
import type { CaseView } from '../cases/get-case.ts';
import { transitionCase } from '../cases/transition-case.ts';
import type { ServiceContext } from '../context.ts';
import { newWorld, type World, type WorldUser } from './factories.ts';

export interface CaseBench {
  readonly handle: DatabaseHandle;
  /** The test's context, its clock on the bench's first day. */
  readonly ctx: ServiceContext;
  readonly w: World;
  /** The context with its clock at 09:00 China time on `day`. */
  at(day: string): ServiceContext;
  /** A step of case `c` by a world user (or any actor) on `day`, sent with the version `c` shows. */
  step(day: string, who: WorldUser | Actor, c: CaseView, body: Record<string, unknown>): Promise<CaseView>;
}

export function caseBench(firstDay = '2026-03-02'): CaseBench {
  let handle: DatabaseHandle;
  let ctx: ServiceContext;
  let w: World;
  const at = (day: string): ServiceContext => ({ ...ctx, clock: () => new Date(`${day}T01:00:00Z`) });
  beforeAll(async () => {
    handle = await createTestDatabase();
    ctx = { db: handle.db, clock: () => new Date(`${firstDay}T01:00:00Z`) };
  });
  beforeEach(async () => {
    await resetTestDatabase(handle);
    w = await newWorld(ctx);
  });
  afterAll(() => handle.close());
  return {
    get handle() {
      return handle;
    },
    get ctx() {
      return ctx;
    },
    get w() {
      return w;
    },
    at,
    step: (day, who, c, body) => transitionCase(at(day), typeof who === 'string' ? w.actors[who] : who, c.id, { expectedVersion: c.version, ...body }),
  };
}
