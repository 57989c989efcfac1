import { z } from 'zod';

/**
 * Row ids are PostgreSQL `integer` (int4) columns: a larger number cannot name a row, and sent to the database it is
 * an error (SQLSTATE 22003), not "not found". Every id an edge accepts — path parameters, query filters, body
 * fields, import form fields — is one of these, so it is refused as a 400 before it reaches a query.
 */
export const MAX_ID = 2_147_483_647;

const tooLarge = (what: string) => `${what}超出范围（最大 ${MAX_ID}）`;

/** An id in a JSON body: a positive integer within int4. */
export const idInput = (what = '编号') =>
  z.number({ message: `${what}应为数字` }).int(`${what}应为整数`).positive(`${what}应为正整数`).max(MAX_ID, tooLarge(what));

/** An id in a path, a query string or a form field (text): coerced to a number, then as `idInput`. */
export const idParam = (what = '编号') =>
  z.coerce.number({ message: `${what}应为数字` }).int(`${what}应为整数`).positive(`${what}应为正整数`).max(MAX_ID, tooLarge(what));

/** The `:id` path parameter of a resource. */
export const idParams = z.object({ id: idParam() });
