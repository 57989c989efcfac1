/**
 * Whether the database has no data yet (no organization): `fazhi start` seeds the demo bureau then. Its own module, so
 * a restart asks it without loading the demo's seeders and the services they import (./index.ts).
 */
import { count } from 'drizzle-orm';
import { organizations } from '../db/schema.ts';
import type { ServiceContext } from '../services/context.ts';

export async function isDatabaseEmpty(ctx: ServiceContext): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(organizations);
  return (row?.n ?? 0) === 0;
}
