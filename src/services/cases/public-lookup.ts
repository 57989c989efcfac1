/**
 * Public verification by 行政行为码: anyone may check that a decision served on a party is genuine and still in
 * force. The answer is a masked summary — never an ID number or phone, a natural person's surname only (masking.ts).
 * Only an issued decision answers (publiclyVerifiable): a clue, a case under investigation, withdrawn or terminated
 * is not the public's business, and its code answers exactly like a code that does not exist — same error, same
 * message — so a guessed code reveals nothing about which cases exist.
 */
import { eq } from 'drizzle-orm';
import { parseActCode, publiclyVerifiable } from '../../domain/cases/codes.ts';
import type { ActVerification } from '../../domain/cases/views.ts';
import { caseStates, type CaseState, decisionKinds, type DecisionKind, decisionStatuses } from '../../domain/cases/model.ts';
import type { CaseRecord } from '../../domain/cases/snapshot.ts';
import { notFound, validationError } from '../../domain/errors.ts';
import { maskParty } from '../../domain/masking.ts';
import type { Executor } from '../../db/connect.ts';
import { caseParties, cases, organizations, powerItems } from '../../db/schema.ts';
import { decidedCaseTitle } from '../../domain/cases/registration.ts';
import { firstParty, resolveSettings, settingRowsOfJoinedOrg } from './case-store.ts';
import { decidingOrgan, scrubText } from './publicity.ts';
import { fromJsonRow } from '../../db/json-rows.ts';

export type { ActVerification } from '../../domain/cases/views.ts';

export async function verifyActCode(db: Executor, rawCode: string): Promise<ActVerification> {
  const parsed = parseActCode(rawCode);
  if (!parsed.ok) throw validationError(parsed.reason, { field: 'code' });
  const [row] = await db
    .select({ c: cases, org: organizations, violation: powerItems.name, firstParty, settingRows: settingRowsOfJoinedOrg })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .leftJoin(powerItems, eq(powerItems.id, cases.powerItemId))
    .where(eq(cases.actCode, parsed.code));
  const record = row?.c.record as CaseRecord | undefined;
  if (!row || !record || !publiclyVerifiable(record.decision)) throw notFound(`行政行为码 ${parsed.code} 对应的执法行为，请核对或向执法机关咨询`);
  const party = row.firstParty ? fromJsonRow(caseParties, row.firstParty) : null;
  const masked = maskParty(
    party!.kind === 'person' ? { kind: 'person', name: party!.name } : { kind: 'organization', name: party!.name, creditCode: party!.creditCode },
  );
  const d = record.decision;
  const inForce = d?.status === 'inForce';
  return {
    actCode: parsed.code,
    genuine: true,
    // The organ the decision is signed by (a brigade decides in its bureau's name), and the decided title.
    organizationName: decidingOrgan(row.org.name, resolveSettings(row.org, row.settingRows ?? []).settings),
    // 涉嫌 goes only once a penalty established the violation (a 不予处罚 may rest on facts not established).
    title: scrubText(record.decision?.kind === 'penalty' ? decidedCaseTitle(row.c.title) : row.c.title, party!),
    violation: row.violation,
    party: { kind: masked.kind, name: masked.name },
    procedure: row.c.procedure === 'simple' ? '简易程序' : '普通程序',
    stage: caseStates[row.c.state as CaseState],
    decision: d
      ? { kind: decisionKinds[d.kind as DecisionKind], number: d.number, decidedOn: d.on, status: d.status, statusLabel: decisionStatuses[d.status] }
      : null,
    inForce,
    note: d ? (inForce ? '该执法文书真实有效' : `该决定${decisionStatuses[d.status]}，不再具有执行效力`) : '该执法行为尚未作出处理决定',
  };
}
