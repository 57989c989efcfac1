/**
 * The read shapes of enforcement documents as the server sends them (src/server/routes/documents.ts). Zod schemas:
 * the routes' `response:`, `z.infer`'d by the services; the web reads the JSON shape (`…Json`, timestamps as text).
 */
import { z } from 'zod';
import { timestamp } from '../view-kit.ts';

/** GET /api/document-types: what can be generated (and 案卷, the bound case file). */
export const documentType = z.object({ id: z.string(), name: z.string(), stage: z.string(), basis: z.string() });
export type DocumentType = z.infer<typeof documentType>;

/** GET /api/cases/:id/documents, and the answer of POST (201): a generated document kept under its SM3 digest. */
export const generatedDocument = z.object({
  id: z.number(),
  caseId: z.number(),
  title: z.string(),
  number: z.string().nullable(),
  format: z.enum(['docx', 'pdf']),
  fileName: z.string(),
  digest: z.string(),
  size: z.number(),
  pages: z.number().nullable(),
  generatedBy: z.number(),
  generatedAt: timestamp,
});
export type GeneratedDocumentView = z.infer<typeof generatedDocument>;
export type GeneratedDocumentJson = z.input<typeof generatedDocument>;
