/**
 * The indicators' kept aggregates (issue 19 item 7; docs/PERFORMANCE.md "A province", docs/REPORTS.md): for each
 * unit (and, for work orders, the pair receiving unit / handling unit), year and tally key, how many records count
 * and their amount in 分. Kept by the database triggers `indicator_tallies_*` on `cases`, `case_publicity`,
 * `work_orders`, `patrols`, `patrol_problems` and `inspections` (migration 0025) in the transaction of every write, so
 * no write path can forget them; the records' definitions are the modules' indicator record queries (the drill-down),
 * and the property test (src/services/indicators/tallies.test.ts) holds the two equal after random writes.
 *
 * A subtree's figure is the sum of the rows of its units — one indexed read of a few hundred rows whatever the
 * number of cases. `slot` (record id % 8) spreads one unit's writes over eight rows so concurrent decisions do not
 * queue behind one counter row, and the triggers add their changes in the order of the key (no lock-order deadlock
 * between two multi-record transactions). Rebuilt from the records by `fazhi db rebuild-stats`
 * (src/services/indicators/tallies.ts). Rows that fall to zero stay.
 */
import { bigint, index, integer, pgTable, smallint, text, unique } from 'drizzle-orm/pg-core';

export const indicatorTallies = pgTable(
  'indicator_tallies',
  {
    /** The unit the record belongs to (for a work order, the organization that received it). */
    organizationId: integer('organization_id').notNull(),
    /** Work orders only: the unit handling it (an order is in a subtree when either unit is). Null elsewhere. */
    unitId: integer('unit_id'),
    year: smallint('year').notNull(),
    /** A catalog key the records count for, or a helper count ('cases_active', 'orders_visited' …; tallies.ts). */
    key: text('key').notNull(),
    slot: smallint('slot').notNull(),
    n: integer('n').notNull(),
    /** 分. */
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  },
  (t) => [
    unique('indicator_tallies_key').on(t.organizationId, t.unitId, t.year, t.key, t.slot).nullsNotDistinct(),
    index('indicator_tallies_unit_idx').on(t.unitId, t.year),
  ],
);
