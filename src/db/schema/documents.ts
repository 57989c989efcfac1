/**
 * Enforcement documents generated from a case (执法文书), stored once by SM3 digest.
 */
import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';

/**
 * Enforcement documents generated for a case (执法文书), each file stored once in the file store under its SM3
 * digest. A regenerated document is a new row: what was printed and served stays on record.
 */
export const generatedDocuments = pgTable(
  'generated_documents',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    organizationId: integer('organization_id').notNull(),
    /** The document's Chinese name, e.g. 行政处罚决定书, or 案卷 for the bound case file. */
    title: text('title').notNull(),
    /** The document number printed on it, when it has one. */
    number: text('number'),
    format: text('format').$type<'docx' | 'pdf'>().notNull(),
    fileName: text('file_name').notNull(),
    digest: text('digest').notNull(),
    size: integer('size').notNull(),
    pages: integer('pages'),
    generatedBy: integer('generated_by').notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('generated_documents_case_idx').on(t.caseId)],
);
