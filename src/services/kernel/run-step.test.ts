import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Actor, systemActor } from '../../domain/access.ts';
import { conflict, ruleViolation } from '../../domain/errors.ts';
import { refusal } from '../../domain/test-support.ts';
import type { Guard, GuardContext, Workflow } from '../../domain/workflow/kernel.ts';
import { art } from '../../domain/workflow/law.ts';
import type * as AuditEvents from '../../domain/audit/events.ts';
import type { DatabaseHandle, Executor } from '../../db/connect.ts';
import { auditRecords } from '../../db/schema.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { inTransactionThenAfterCommit } from './after-commit.ts';
import { commitStep, runStep, type StepBase, type StepDefinition } from './run-step.ts';

// The toy ledger's audit action is not in the real catalog (domain/audit/events.ts): accept it here, and only it.
vi.mock('../../domain/audit/events.ts', async (importOriginal) => {
  const real = await importOriginal<typeof AuditEvents>();
  return { ...real, assertAuditChange: (action: string, change: unknown) => (action === 'toy.step' ? undefined : real.assertAuditChange(action as never, change)) };
});

// A toy ledger on a table of its own: a request is open until answered; `boom` makes the effect fail after it
// registered a side effect.
type State = 'open' | 'answered';
type Request = { action: 'answer'; reply: string; boom?: boolean; on?: string; expectedVersion: number };
interface Row {
  id: number;
  version: number;
  state: State;
  reply: string | null;
  organizationId: number;
}
type Step = StepBase<Row, Row, GuardContext> & { reply: string | null };

const replyWritten: Guard<Row, Request> = {
  id: 'replyWritten',
  article: art('信访工作条例', 32),
  check: (_r, input) => {
    if (input.reply.length < 2) throw ruleViolation('答复不得为空', art('信访工作条例', 32));
  },
};

const toy: Workflow<State, 'answer', Request, Row> = {
  transitions: { answer: { from: ['open'], roles: ['officer', 'admin'], onSubjectOnly: false, guards: [replyWritten], to: () => 'answered' } },
  stateOf: (r) => r.state,
  lastActedOn: () => '2026-01-01',
  stateLabels: { open: '办理中', answered: '已答复' },
  actionLabels: { answer: '答复' },
  stateArticle: () => art('信访工作条例', 31),
  subjectName: '事项',
  subjectNoun: '本事项',
  assertOnSubject: () => undefined,
};

const selectRow = async (tx: Executor, id: number): Promise<Row> => {
  const { rows } = (await tx.execute(sql`SELECT id, version, state, reply, organization_id AS "organizationId" FROM toy_requests WHERE id = ${id}`)) as unknown as { rows: Row[] };
  return rows[0]!;
};

function toyStep(sideEffects: string[], viewedFrom: Executor[] = []): StepDefinition<Row, Row, Request, State, GuardContext, { snapshot: Row; g: GuardContext }, Step, Row> {
  return {
    workflow: toy,
    subjectType: 'toy',
    auditAction: 'toy.step' as 'case.transition',
    conflictMessage: '该事项已被他人更新，请刷新后重试',
    load: (tx, _actor, id) => selectRow(tx, id),
    claim: async (tx, id, expected) => {
      await tx.execute(sql`UPDATE toy_requests SET version = version + 1 WHERE id = ${id} AND version = ${expected}`);
    },
    prepare: async (_tx, actor, row, request) => ({ snapshot: row, g: { actDate: request.on ?? '2026-03-02', today: '2026-03-02', actor } }),
    begin: (base) => ({ ...base, reply: null }),
    effect: async (step, request) => {
      step.afterCommit(() => {
        sideEffects.push(`notified ${step.subject.id}`);
      });
      if (request.boom) throw new Error('effect failed');
      step.reply = request.reply;
    },
    write: async (step, next) => {
      await step.tx.execute(sql`UPDATE toy_requests SET state = ${next}, reply = ${step.reply} WHERE id = ${step.subject.id}`);
    },
    auditDetails: (step) => ({ replyLength: step.reply?.length ?? 0 }),
    view: (db, _actor, id) => {
      viewedFrom.push(db);
      return selectRow(db, id);
    },
  };
}

let handle: DatabaseHandle;
let ctx: ServiceContext;
const actor: Actor = systemActor;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date('2026-03-02T02:00:00Z') };
  await handle.db.execute(sql`CREATE TABLE toy_requests (id serial PRIMARY KEY, version integer NOT NULL DEFAULT 1, state text NOT NULL DEFAULT 'open', reply text, organization_id integer NOT NULL DEFAULT 1)`);
});
afterAll(async () => handle.close());

async function newRequest(): Promise<number> {
  const { rows } = (await handle.db.execute(sql`INSERT INTO toy_requests DEFAULT VALUES RETURNING id`)) as unknown as { rows: { id: number }[] };
  return rows[0]!.id;
}
const stored = (id: number) => handle.db.transaction((tx) => selectRow(tx, id));
const audited = async (id: number) => handle.db.select().from(auditRecords).where(eq(auditRecords.chain, `toy:${id}`)).orderBy(auditRecords.id);

describe('the step runner', () => {
  it('claims the version, checks, applies the effect, writes, audits and returns the view', async () => {
    const id = await newRequest();
    const effects: string[] = [];
    const view = await runStep(ctx, actor, toyStep(effects), id, { action: 'answer', reply: '已答复', expectedVersion: 1 });
    expect(view).toMatchObject({ id, version: 2, state: 'answered', reply: '已答复' });
    const [record] = await audited(id);
    expect(record!.change).toEqual({ action: 'answer', from: 'open', to: 'answered', on: '2026-03-02', version: 2, reply: '已答复', replyLength: 3 });
    expect(effects).toEqual([`notified ${id}`]);
  });

  it('reads the view after the commit, from the service database: not inside the transaction (issue 16)', async () => {
    const id = await newRequest();
    const viewedFrom: Executor[] = [];
    const view = await runStep(ctx, actor, toyStep([], viewedFrom), id, { action: 'answer', reply: '已答复', expectedVersion: 1 });
    expect(viewedFrom).toEqual([ctx.db]);
    expect(view).toMatchObject({ version: 2, state: 'answered' });
  });

  it('commitStep takes the same step, audited, and answers the new version without reading the view', async () => {
    const id = await newRequest();
    const viewedFrom: Executor[] = [];
    const effects: string[] = [];
    expect(await commitStep(ctx, actor, toyStep(effects, viewedFrom), id, { action: 'answer', reply: '已答复', expectedVersion: 1 })).toBe(2);
    expect(viewedFrom).toEqual([]);
    expect(await stored(id)).toMatchObject({ version: 2, state: 'answered', reply: '已答复' });
    expect((await audited(id)).map((r) => (r.change as { version: number }).version)).toEqual([2]);
    expect(effects).toEqual([`notified ${id}`]);
    expect((await refusal(commitStep(ctx, actor, toyStep([]), id, { action: 'answer', reply: '再答复', expectedVersion: 1 }))).code).toBe('CONFLICT');
  });

  it('refuses a stale version with CONFLICT and writes nothing', async () => {
    const id = await newRequest();
    const effects: string[] = [];
    const error = await refusal(runStep(ctx, actor, toyStep(effects), id, { action: 'answer', reply: '已答复', expectedVersion: 7 }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('该事项已被他人更新，请刷新后重试');
    expect(await stored(id)).toMatchObject({ version: 1, state: 'open' });
    expect(effects).toEqual([]);
  });

  it('when the claim and the reads sent beside it both fail, the claim’s CONFLICT is answered (it was sent first)', async () => {
    const id = await newRequest();
    // A writer that committed between the load and the claim: the claim's UPDATE finds no row of the expected
    // version. The guards' reads, sent in the same round trip, fail too (here at once, before the claim's answer).
    const def: ReturnType<typeof toyStep> = {
      ...toyStep([]),
      claim: async (tx, claimed, expected) => {
        await tx.execute(sql`SELECT 1`);
        throw conflict('该事项已被他人更新，请刷新后重试', { id: claimed, expectedVersion: expected });
      },
      prepare: () => Promise.reject(new Error('the reads failed')),
    };
    const error = await refusal(runStep(ctx, actor, def, id, { action: 'answer', reply: '已答复', expectedVersion: 1 }));
    expect(error.code).toBe('CONFLICT');
    expect(await stored(id)).toMatchObject({ version: 1, state: 'open' });
    expect(await audited(id)).toEqual([]);
  });

  it('a refused step (a guard) writes nothing: not the version claim, not the audit record', async () => {
    const id = await newRequest();
    const error = await refusal(runStep(ctx, actor, toyStep([]), id, { action: 'answer', reply: '', expectedVersion: 1 }));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(await stored(id)).toMatchObject({ version: 1, state: 'open' });
    expect(await audited(id)).toEqual([]);
  });
});

describe('afterCommit', () => {
  it('does not run a side effect registered in a step that later fails', async () => {
    const id = await newRequest();
    const effects: string[] = [];
    await expect(runStep(ctx, actor, toyStep(effects), id, { action: 'answer', reply: '已答复', boom: true, expectedVersion: 1 })).rejects.toThrow('effect failed');
    expect(effects).toEqual([]);
    expect(await stored(id)).toMatchObject({ version: 1, state: 'open' });
  });

  it('runs a side effect registered in a committed step, after the commit (it sees the committed change)', async () => {
    const id = await newRequest();
    const seen: unknown[] = [];
    await inTransactionThenAfterCommit(ctx, async (tx, afterCommit) => {
      await tx.execute(sql`UPDATE toy_requests SET state = 'answered' WHERE id = ${id}`);
      afterCommit(async () => {
        seen.push((await stored(id)).state);
      });
      seen.push('work done');
    });
    expect(seen).toEqual(['work done', 'answered']);
  });

  it('a failing side effect does not undo the step or stop the others; it is reported', async () => {
    const ran: string[] = [];
    const reported: unknown[] = [];
    const result = await inTransactionThenAfterCommit(
      ctx,
      async (_tx, afterCommit) => {
        afterCommit(() => {
          throw new Error('mail server down');
        });
        afterCommit(() => {
          ran.push('second');
        });
        return 'committed';
      },
      (error) => reported.push(error),
    );
    expect(result).toBe('committed');
    expect(ran).toEqual(['second']);
    expect(String(reported[0])).toContain('mail server down');
  });
});
