/**
 * The catalog of audit events: every action an audit record may carry, what it records (one-line comment), its
 * Chinese label (timelines) and a zod schema of its `change` payload (like Documenso's document-audit-logs).
 * `appendAudit` (services/audit-trail.ts) refuses an unknown action or a payload that does not match, so the trail
 * only ever holds the shapes described here. The schemas describe payloads as services write them today: records
 * already written keep their digests, and the verifier does not read these schemas.
 *
 * Payloads are validated data (the service parsed its input before), so the schemas check shape and types, not the
 * wording rules of forms; objects are strict, so a field added to a payload must be added here too.
 */
import { z } from 'zod';
import { organizationKindKeys, roleKeys } from '../access.ts';
import { type CaseAction, type CaseActionInput, caseActionInput } from '../cases/actions.ts';
import { caseStateKeys, evidenceKindKeys, investigationActKeys } from '../cases/model.ts';
import { correctionFieldKeys } from '../cases/record-inputs.ts';
import { clueInput, onSpotInput } from '../cases/registration.ts';
import { caseSettingsPatch } from '../cases/settings.ts';
import { ImportRejectionSchema } from '../discretion/model.ts';
import { inspectionActionInput } from '../inspections/actions.ts';
import { inspectionItemInput, subjectInput } from '../inspections/inputs.ts';
import { inspectionMethodKeys, inspectionStates, inspectionTriggerKeys } from '../inspections/model.ts';
import { patrolInput, problemInput } from '../inspections/patrol-views.ts';
import { patrolActionInput, patrolStates, problemActionInput, problemStates } from '../inspections/patrols.ts';
import { planInput } from '../inspections/plan.ts';
import { workOrderActionInput } from '../workorders/actions.ts';
import { workOrderInput } from '../workorders/inputs.ts';
import { workOrderStates } from '../workorders/model.ts';
import { workOrderSettingsPatch } from '../workorders/settings.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.number().int().positive();
const count = z.number().int().nonnegative();
const sm3Hex = z.string().regex(/^[0-9a-f]{64}$/);
const fileFormat = z.enum(['csv', 'xlsx']);

/** One changed field: the stored value before (null when there was none) and the new one. */
type FieldChange = { from: unknown; to: unknown };

/**
 * `{ field: { from, to } }` of the fields a patch changed (services/organizations.ts `diff`). Values are checked at
 * run time by each field's schema; statically only the keys are (`diff` computes the pairs generically).
 */
type FieldChanges<S, F extends z.ZodRawShape> = { [K in keyof F]: z.output<F[K]> } & { [K in keyof S]?: FieldChange };

function fieldChanges<S extends Record<string, z.ZodType>, F extends z.ZodRawShape = Record<never, never>>(fields: S, fixed?: F) {
  const changes = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, z.strictObject({ from: value.nullable(), to: value }).optional()]));
  return z.strictObject({ ...fixed, ...changes }) as unknown as z.ZodType<FieldChanges<S, F>, FieldChanges<S, F>>;
}

/** The party as the trail names it: kind and name only (identity numbers and contact data stay out). */
const partyRef = z.strictObject({ kind: z.enum(['person', 'organization', 'unknown']), name: z.string() });

const organizationFields = {
  name: z.string(),
  kind: z.enum(organizationKindKeys),
  parentId: id.nullable(),
  creditCode: z.string().nullable(),
  divisionCode: z.string().nullable(),
};

const userFields = {
  organizationId: id,
  displayName: z.string(),
  roles: z.array(z.enum(roleKeys)),
  certificateNo: z.string().nullable().optional(),
  certificateValidUntil: isoDate.nullable().optional(),
};

const powerItemText = { name: z.string(), violatedProvision: z.string(), penaltyProvision: z.string(), statutoryRange: z.string(), category: z.string() };

const versionRef = z.strictObject({ id, name: z.string() });

const tableImport = { format: fileFormat, rows: count, rejected: z.array(ImportRejectionSchema) };

const benchmarkImport = z.strictObject({
  kind: z.enum(['benchmark', 'exemption']),
  name: z.string(),
  fileName: z.string(),
  effectiveFrom: isoDate,
  /** Imports before drafts existed were published at once; a draft is not (issue 15). */
  publishedOn: isoDate.optional(),
  draft: z.literal(true).optional(),
  imported: count,
  items: count,
  ...tableImport,
});

// ——— case.transition: the action's input (without `on`), the step's facts, and the details it computed ———

/** Tier, range and version of the discretion benchmark applied to the penalty (services/discretion/case-discretion.ts). */
const discretionDetails = z.strictObject({
  benchmarkVersionId: id,
  benchmarkVersion: z.string(),
  benchmarkItem: z.string(),
  citation: z.string(),
  tier: z.string().nullable(),
  range: z.strictObject({ minFen: z.number(), maxFen: z.number() }),
  withinRange: z.boolean(),
  requiresLegalReview: z.boolean(),
  message: z.string(),
  explanation: z.string(),
});

/**
 * The fine checked against the power-list item's 法定处罚幅度 (services/discretion/case-discretion.ts
 * `statutoryDetails`): the range for the party in 分 (null when the text could not be read), the outcome and why.
 */
const statutoryRangeDetails = z.strictObject({
  text: z.string(),
  range: z.strictObject({ minFen: z.number(), maxFen: z.number() }).nullable(),
  status: z.enum(['within', 'reduced', 'unchecked', 'noFine']),
  reductionGrounds: z.array(z.string()),
  warnings: z.array(z.string()),
  message: z.string(),
});

/** Grounds the recorded facts give for a lighter penalty (第三十条 ages 14–17, 第三十一条第二句), noted with the penalty. */
const lighterGrounds = z.array(z.string());

/** What each action adds to its record beyond its input (`s.details.*` in services/cases): numbers, due dates. */
const transitionDetails = {
  file: { decisionDueOn: isoDate },
  closeInvestigation: { discretion: discretionDetails, statutoryRange: statutoryRangeDetails, lighterGrounds },
  notify: {
    notice: z.strictObject({
      number: z.string(),
      hearingOffered: z.boolean(),
      hearingReasons: z.array(z.string()),
      statementEndsOn: isoDate,
      hearingRequestEndsOn: isoDate.nullable(),
    }),
  },
  /** The party identified or corrected: kind and name before and after, and which details changed (no numbers, no contacts). */
  correctParty: {
    party: z.strictObject({ kind: z.enum(['person', 'organization']), name: z.string(), previous: partyRef, changed: z.array(z.string()) }),
  },
  /** 更正 of a step's recorded data: which item and field, the old and the new value; a moved payment due date. */
  correctRecord: {
    correction: z.strictObject({ target: z.string(), field: z.enum(correctionFieldKeys), label: z.string(), from: z.string(), to: z.string() }),
    paymentDueMoved: z.strictObject({ from: isoDate.nullable(), to: isoDate }),
  },
  /** The statement's place in the list (1-based), which a later 复核 reply (`replyToStatement`) names. */
  recordStatement: { statementNo: count },
  revisePenalty: { discretion: discretionDetails, statutoryRange: statutoryRangeDetails, lighterGrounds },
  scheduleHearing: { noticeNumber: z.string() },
  decide: { decisionNumber: z.string().nullable(), discretion: discretionDetails, statutoryRange: statutoryRangeDetails, lighterGrounds, serviceDueOn: isoDate, publicityDue: z.literal(true), transferLetterNumber: z.string() },
  serve: { paymentDueOn: isoDate },
  recordPayment: { owedAfterFen: count },
  handOverCash: { handoverDueOn: isoDate, handedOverLate: z.boolean(), depositDueOn: isoDate },
  preserve: { preservationDueOn: isoDate, preservationNoticeNumber: z.string() },
  decline: { declineNoticeNumber: z.string() },
  decidePreservation: { preservationDecisionNumber: z.string() },
  approveDeferral: { deferralDecisionNumber: z.string() },
  transfer: { transferLetterNumber: z.string() },
  orderCorrection: { correctionOrderNumber: z.string() },
  remindPayment: { paymentReminderNumber: z.string(), lateFeeFen: count },
  revokeDecision: { publicityWithdrawn: z.boolean() },
} satisfies { [A in CaseAction]?: z.ZodRawShape };
type TransitionDetailsShapes = typeof transitionDetails;

/**
 * What any step may add: the deadlines it met after their due date, with the reason the step gave
 * (services/cases/step.ts `meetStepDeadlines`).
 */
const commonTransitionDetails = {
  metLate: z.array(z.strictObject({ kind: z.string(), dueOn: isoDate, reason: z.string() })),
};

/** The facts of every step: the state before and after, the date it happened and the case version it produced. */
const transitionFacts = { from: z.enum(caseStateKeys), to: z.enum(caseStateKeys), on: isoDate, version: id };

type ActionSchema<A extends CaseAction> = Extract<(typeof caseActionInput.options)[number], { shape: { action: z.ZodLiteral<A> } }>;
type CommonDetails = { [K in keyof typeof commonTransitionDetails]?: z.output<(typeof commonTransitionDetails)[K]> };
type DetailsOf<A extends CaseAction> = CommonDetails &
  (A extends keyof TransitionDetailsShapes ? { [K in keyof TransitionDetailsShapes[A]]?: z.output<TransitionDetailsShapes[A][K]> } : unknown);
// `from` is the state column as read (a string); the schema still checks it is a state.
type FactsOf = Omit<{ [K in keyof typeof transitionFacts]: z.output<(typeof transitionFacts)[K]> }, 'from'> & { from: string };

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type AllDetailShapes = UnionToIntersection<TransitionDetailsShapes[keyof TransitionDetailsShapes]> & typeof commonTransitionDetails;

/** Every detail a step may add to its `case.transition` record, all optional (each action sets a few; see above). */
export type CaseTransitionDetails = { [K in keyof AllDetailShapes]?: AllDetailShapes[K] extends z.ZodType ? z.output<AllDetailShapes[K]> : never };

/** The payload of `case.transition`, by action: `{ action, from, to, on, version, ...input, ...details }`. */
export type CaseTransitionChange = { [A in CaseAction]: Omit<z.input<ActionSchema<A>>, 'on'> & FactsOf & DetailsOf<A> }[CaseAction];

const caseTransitionChange = z.discriminatedUnion(
  'action',
  caseActionInput.options.map((option) => {
    const { on: _on, ...input } = option.shape;
    const details: z.ZodRawShape = { ...commonTransitionDetails, ...(transitionDetails as Partial<Record<CaseAction, z.ZodRawShape>>)[option.shape.action.value] };
    return z.strictObject({ ...input, ...transitionFacts, ...Object.fromEntries(Object.entries(details).map(([key, schema]) => [key, z.optional(schema)])) });
  }) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<unknown, CaseTransitionChange>;

/**
 * The `case.transition` payload of a step, typed: the action's parsed input without its `on` (the step's date is
 * `facts.on`), the step's facts and the details it computed. The same object transitionCase has always written.
 */
export function transitionAuditChange(input: CaseActionInput, facts: FactsOf, details: CaseTransitionDetails | Record<string, unknown>): CaseTransitionChange {
  const { on: _on, ...payload } = input;
  // Same precedence as ever: the input over the facts, the details over both.
  return { ...facts, ...payload, ...details } as CaseTransitionChange;
}

const event = <S extends z.ZodType>(label: string, change: S) => ({ label, change });

const workOrderState = z.enum(Object.keys(workOrderStates) as [keyof typeof workOrderStates, ...(keyof typeof workOrderStates)[]]);
/** A step of a work order: the action's input (without `on`), from/to, date, version, and what the step computed. */
const workOrderTransitionChange = z.union(
  (workOrderActionInput.options as readonly z.ZodObject[]).map((o) =>
    o.extend({ from: workOrderState, to: workOrderState, on: isoDate, version: id, unitName: z.string().optional(), dueOn: isoDate.optional() }).strict(),
  ) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
);

const patrolState = z.enum(Object.keys(patrolStates) as [keyof typeof patrolStates, ...(keyof typeof patrolStates)[]]);
const problemState = z.enum(Object.keys(problemStates) as [keyof typeof problemStates, ...(keyof typeof problemStates)[]]);
/** A step of a patrol: the action's input (without `on`), from/to, date, version. */
const patrolTransitionChange = z.union(
  (patrolActionInput.options as readonly z.ZodObject[]).map((o) => o.extend({ from: patrolState, to: patrolState, on: isoDate, version: id }).strict()) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
);
/** A step of a problem found on patrol: the action's input, from/to, date, version, and the case a referral registered. */
const problemTransitionChange = z.union(
  (problemActionInput.options as readonly z.ZodObject[]).map((o) =>
    o.extend({ from: problemState, to: problemState, on: isoDate, version: id, caseId: id.optional(), actCode: z.string().optional() }).strict(),
  ) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
);

const dispatchRule = z.strictObject({ unitId: id.nullable(), reservedToBureau: z.boolean(), note: z.string().nullable() });

const inspectionState = z.enum(Object.keys(inspectionStates) as [keyof typeof inspectionStates, ...(keyof typeof inspectionStates)[]]);
/** A step of an inspection: the action's input (without `on`), from/to, date, version, and the code it issued. */
const inspectionTransitionChange = z.union(
  (inspectionActionInput.options as readonly z.ZodObject[]).map((o) =>
    o.extend({ from: inspectionState, to: inspectionState, on: isoDate, version: id, code: z.string().optional(), inspectedOn: isoDate.optional(), caseId: id.optional(), actCode: z.string().optional() }).strict(),
  ) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
);

export const auditEvents = {
  /** An organization was created: its validated input (name, kind, parent, credit and division codes). */
  'organization.create': event(
    '创建组织机构',
    z.strictObject({ ...organizationFields, creditCode: organizationFields.creditCode.optional(), divisionCode: organizationFields.divisionCode.optional() }),
  ),
  /** An organization's data (name, codes, parent) changed: `{ field: { from, to } }` of the changed fields. */
  'organization.update': event('修改组织机构', fieldChanges(organizationFields)),
  /** A user account was created: username, name, organization, roles and certificate (never password or phone). */
  'user.create': event('创建用户', z.strictObject({ username: z.string(), ...userFields, phone: z.undefined().optional() })),
  /** A user's organization, roles, certificate or status changed: `{ field: { from, to } }` (never the phone). */
  'user.update': event(
    '修改用户',
    fieldChanges({
      organizationId: id,
      displayName: z.string(),
      roles: z.array(z.enum(roleKeys)),
      certificateNo: z.string().nullable(),
      certificateValidUntil: isoDate.nullable(),
      active: z.boolean(),
    }),
  ),
  /** A user's password was set or reset (only that it happened; `unlocked` when an admin's reset also unlocked it). */
  'user.password': event('重置密码', z.strictObject({ passwordChanged: z.literal(true), unlocked: z.literal(true).optional() })),
  /** An account was locked by its consecutive failed logins (the user is the subject; the count that locked it). */
  'user.lock': event('账号锁定', z.strictObject({ failedLogins: count })),
  /** An admin unlocked an account locked by failed logins: when it was locked and the failures it had counted. */
  'user.unlock': event('解锁账号', z.strictObject({ lockedAt: z.iso.datetime(), failedLogins: count })),
  /** Someone logged in (successful logins only; failures are rate-limited, not chained): the session's expiry. */
  'session.login': event('登录', z.strictObject({ expiresAt: z.iso.datetime() })),
  /** Someone logged out (nothing beyond who and when). */
  'session.logout': event('退出登录', z.strictObject({})),
  /** A holiday or make-up workday was entered or changed by an admin: the day, and what it was before (or null). */
  'calendar.set': event(
    '设置节假日/调休',
    z.strictObject({
      date: isoDate,
      kind: z.enum(['holiday', 'workday']),
      name: z.string().nullable(),
      before: z.strictObject({ kind: z.string(), name: z.string().nullable() }).nullable(),
    }),
  ),
  /** An admin-entered calendar day was removed: the day as it was. */
  'calendar.remove': event('删除节假日/调休设置', z.strictObject({ date: isoDate, kind: z.string(), name: z.string().nullable() })),
  /** An admin marked a year's official schedule as completely entered (or withdrew that mark). */
  'calendar.year': event('设置年度日历完整性', z.strictObject({ year: z.number().int(), complete: z.boolean() })),
  /** An open deadline counted again after a calendar change: its counting, due date before and after, and why. */
  'deadline.recount': event(
    '重新计算期限',
    z.strictObject({
      kind: z.string(),
      countedFrom: isoDate,
      days: z.number().int(),
      periodKind: z.enum(['working', 'calendar']),
      before: isoDate,
      after: isoDate,
      reason: z.string(),
    }),
  ),
  /** A case clue was registered (线索登记): its validated input, organization, 行政行为码, party kind and name, filing due date. */
  'case.register': event('登记案件线索', z.strictObject({ ...clueInput.omit({ party: true }).shape, organizationId: id, actCode: z.string(), party: partyRef, filingDueOn: isoDate.optional() })),
  /** A step of the case workflow (立案, 告知, 决定, 送达…): the action's input, from/to state, date, version and computed details. */
  'case.transition': event('案件办理步骤', caseTransitionChange),
  /** A simple-procedure decision made on the spot (《行政处罚法》第五十一条、第五十二条): input, 行政行为码, decision number, payment due date. */
  'case.simpleDecision': event(
    '当场作出简易程序处罚决定',
    z.strictObject({ ...onSpotInput.omit({ party: true }).shape, actCode: z.string(), decisionNumber: z.string(), paymentDueOn: isoDate.nullable(), party: partyRef, statutoryRange: statutoryRangeDetails.optional() }),
  ),
  /** An evidence item was recorded: kind, act, title, file name and type, SM3 digest and size, collectors, date, place, 证明对象. */
  'case.evidence': event(
    '登记证据',
    z.strictObject({
      kind: z.enum(evidenceKindKeys),
      act: z.enum(investigationActKeys),
      title: z.string(),
      fileName: z.string(),
      mediaType: z.string(),
      collectorIds: z.array(id),
      recordedOn: isoDate,
      place: z.string(),
      note: z.string(),
      seq: id,
      digest: sm3Hex,
      size: count,
      version: id,
    }),
  ),
  /** An enforcement document (or the bound case file) was generated and stored: its id, title, number, format, SM3 digest and size. */
  'case.document': event(
    '生成执法文书',
    z.strictObject({ documentId: id, title: z.string(), number: z.string().nullable(), format: z.enum(['docx', 'pdf']), digest: sm3Hex, size: count }),
  ),
  /** The party's signature drawn on the screen for a record (送达回证, 询问笔录, 现场检查笔录): the record, its SM3 digest and size. */
  'case.partySignature': event(
    '当事人签名',
    z.strictObject({ target: z.string(), title: z.string(), digest: sm3Hex, size: count, version: id }),
  ),
  /** A supervisor or head urged the case's officers to act (督办), with their note; shown to the officers as a to-do. */
  'case.urge': event('督办', z.strictObject({ note: z.string() })),
  /** A decision was published on the portal (《行政处罚法》第四十八条), with the day its publicity ends (null: no end). */
  'case.publicity': event('处罚决定公示', z.strictObject({ publicity: z.literal('published'), expiresOn: isoDate.nullable() })),
  /** An organization's local case parameters were replaced: the stored patch before and the new one. */
  'case.settings': event('修改办案参数', z.strictObject({ from: z.record(z.string(), z.unknown()), to: caseSettingsPatch })),
  /** An item was added to (its data and id), changed on (id, code, `{ field: { from, to } }`) or imported into (file, counts, rejected rows) a power list (权责清单). */
  'case.powerItem': event(
    '维护权责清单',
    z.union([
      z.strictObject({ id, organizationId: id, code: z.string(), ...powerItemText, delegatedFromId: id.nullable() }),
      fieldChanges({ ...powerItemText, active: z.boolean() }, { id, code: z.string() }),
      z.strictObject({ import: z.string(), imported: z.array(z.strictObject({ id, code: z.string() })), ...tableImport }),
    ]),
  ),
  /** A work order was registered (受理登记): its validated input (requester included), number and due dates. */
  'workOrder.register': event(
    '受理登记工单',
    z.strictObject({ ...workOrderInput.omit({ receivedOn: true }).shape, number: z.string(), receivedOn: isoDate, externalSource: z.string().optional(), dueOn: isoDate.optional() }),
  ),
  /** A step of the work-order loop (派单, 签收, 退单, 答复, 办结, 回访 …). */
  'workOrder.transition': event('工单办理步骤', workOrderTransitionChange),
  /** An organization's local work-order parameters were replaced: the stored patch before and the new one. */
  'workOrder.settings': event('修改工单参数', z.strictObject({ from: z.record(z.string(), z.unknown()), to: workOrderSettingsPatch })),
  /** A rule of the dispatch catalog was set or removed (the category, the rule before and after; null: none), or a catalog file imported (file, counts, rejected rows). */
  'workOrder.dispatchRule': event(
    '维护派单目录',
    z.union([
      z.strictObject({ category: z.strictObject({ kind: z.enum(['part', 'matter']), code: z.string() }), from: dispatchRule.nullable(), to: dispatchRule.nullable() }),
      z.strictObject({ import: z.string(), imported: z.array(z.strictObject({ kind: z.enum(['part', 'matter']), code: z.string() })), ...tableImport }),
    ]),
  ),
  /** A case clue was registered from the work order: the case's id and 行政行为码, and the order's new version. */
  'workOrder.case': event('工单转为案件线索', z.strictObject({ caseId: id, actCode: z.string(), version: id })),
  /** A file was attached to the work order: its seq, purpose, name, type, SM3 digest and size. */
  'workOrder.attachment': event(
    '上传工单附件',
    z.strictObject({ seq: id, purpose: z.enum(['registration', 'result']), fileName: z.string(), mediaType: z.string(), digest: sm3Hex, size: count }),
  ),
  /** The case was registered from a work order (its id and number). */
  'case.fromWorkOrder': event('由工单登记线索', z.strictObject({ workOrderId: id, number: z.string() })),
  /** An API key of a system sending work orders in (Open311 intake) was created: the system, channel, receiver, key prefix. */
  'intakeKey.create': event('创建工单接口密钥', z.strictObject({ system: z.string(), channel: z.string(), organizationId: id, prefix: z.string() })),
  /** An intake API key was revoked: from then on its requests are refused. */
  'intakeKey.revoke': event('吊销工单接口密钥', z.strictObject({ system: z.string(), prefix: z.string() })),
  /** A discretion benchmark (裁量基准) was imported as a new version: file, counts and every rejected row. */
  'benchmark.import': event('导入裁量基准', benchmarkImport),
  /** An exemption list (首违不罚/轻微免罚清单) was imported as a new version: file, counts and every rejected row. */
  'exemptionList.import': event('导入免罚清单', benchmarkImport),
  /** A head put a draft benchmark or exemption list in force from a date (published on the portal that day). */
  'benchmark.confirm': event(
    '确认裁量基准生效',
    z.strictObject({ kind: z.enum(['benchmark', 'exemption']), name: z.string(), effectiveFrom: isoDate, publishedOn: isoDate, replaces: versionRef.nullable() }),
  ),
  /** A draft was discarded (never in force). */
  'benchmark.discard': event('放弃裁量基准草稿', z.strictObject({ kind: z.enum(['benchmark', 'exemption']), name: z.string() })),
  /** A version in force or scheduled was withdrawn, with the reason; the one it restores when it was in force. */
  'benchmark.withdraw': event(
    '撤回裁量基准',
    z.strictObject({
      kind: z.enum(['benchmark', 'exemption']),
      name: z.string(),
      reason: z.string(),
      wasInForce: z.boolean(),
      effectiveTo: isoDate,
      restores: versionRef.nullable(),
    }),
  ),
  /** An inspection item was added to the organization's list (a draft until published). */
  'inspectionItem.add': event('新增检查事项', z.strictObject({ id, organizationId: id, ...inspectionItemInput.shape })),
  /** An item was published on (from a day) or withdrawn from (on a day, with the reason) the published list. */
  'inspectionItem.publish': event(
    '公布或撤销检查事项',
    z.union([z.strictObject({ id, code: z.string(), publishedOn: isoDate }), z.strictObject({ id, code: z.string(), withdrawnOn: isoDate, reason: z.string() })]),
  ),
  /** Subjects were added to the organization's 检查对象库, one by one or from a file (with the rejected rows). */
  'inspectionSubject.add': event(
    '录入检查对象',
    z.union([
      z.strictObject({ id, organizationId: id, ...subjectInput.shape }),
      z.strictObject({ import: z.string(), organizationId: id, imported: z.array(z.strictObject({ id, creditCode: z.string() })), added: count, updated: count, rejected: z.array(z.strictObject({ row: z.number().int(), reason: z.string() })) }),
    ]),
  ),
  /** An inspection was registered: subject, item, trigger, method, officers (an emergency one already inspected and coded). */
  'inspection.register': event(
    '登记行政检查',
    z.strictObject({
      number: z.string(),
      subjectId: id,
      itemId: id,
      trigger: z.enum(inspectionTriggerKeys),
      capExempt: z.boolean(),
      method: z.enum(inspectionMethodKeys),
      methodReason: z.string().nullable(),
      emergencyOn: isoDate.nullable(),
      officerIds: z.array(id),
      registeredOn: isoDate,
      code: z.string().optional(),
    }),
  ),
  /** A step of an inspection (赋码, 检查记录, 复查, 移送, 取消). */
  'inspection.transition': event('行政检查步骤', inspectionTransitionChange),
  /** The enterprise rated the inspection anonymously with its 行政检查码 (no personal data; the actor is the system). */
  'inspection.rate': event('企业匿名评价行政检查', z.strictObject({ ratingId: id, score: z.number().int().min(1).max(5), concerns: z.array(z.string()), comment: z.string().nullable(), ratedOn: isoDate })),
  /** A figure of the annual report was entered by hand (手工填报) or corrected: unit, year, key, value, counts, source note, and the figure it replaced. */
  'indicator.manual': event(
    '手工填报年度指标',
    z.strictObject({
      organizationId: id,
      year: z.number().int(),
      key: z.string(),
      value: z.number(),
      numerator: count.nullable(),
      denominator: count.nullable(),
      sourceNote: z.string(),
      replaces: z.strictObject({ value: z.number(), numerator: count.nullable(), denominator: count.nullable(), sourceNote: z.string() }).nullable(),
    }),
  ),
  /** A supporting file was attached to a hand-entered figure (stored under its SM3 digest), replacing the previous one if any. */
  'indicator.manualAttachment': event(
    '上传手工填报指标的佐证材料',
    z.strictObject({ year: z.number().int(), key: z.string(), fileName: z.string(), mediaType: z.string(), digest: sm3Hex, size: count, replaces: sm3Hex.nullable() }),
  ),
  /** A unit's annual report file was uploaded for the roll-up (stored under its SM3 digest, analyzed), or re-uploaded: the version it replaced (file digest, name, figures found). */
  'reportUpload.upload': event(
    '上传年度报告',
    z.strictObject({
      organizationId: id,
      year: z.number().int(),
      fileName: z.string(),
      mediaType: z.string(),
      digest: sm3Hex,
      size: count,
      publishedOn: isoDate,
      figures: count,
      missingSections: z.array(z.string()),
      replaces: z.strictObject({ version: count, fileName: z.string(), digest: sm3Hex, publishedOn: isoDate }).nullable(),
    }),
  ),
  /** The ranking weights (晾晒权重) of a supervising unit's roll-up for a year were set, with those they replaced. */
  'rollup.weights': event(
    '设置年度报告晾晒权重',
    z.strictObject({
      year: z.number().int(),
      weights: z.array(z.strictObject({ key: z.string(), weight: z.number() })),
      replaces: z.array(z.strictObject({ key: z.string(), weight: z.number() })).nullable(),
    }),
  ),
  /** A unit's annual report (法治政府建设年度报告) was started: unit, year and the paragraphs of the first draft composed from its records. */
  'report.create': event('起草年度报告', z.strictObject({ organizationId: id, year: z.number().int(), paragraphs: count })),
  /** The author edited the draft: each edited paragraph's words (its text segments), the paragraphs removed and the sections reordered. */
  'report.edit': event(
    '修改年度报告',
    z.strictObject({
      version: id,
      edited: z.array(z.strictObject({ paragraphId: z.string(), texts: z.array(z.string()) })),
      removed: z.array(z.string()),
      reordered: z.array(z.string()),
    }),
  ),
  /** The draft's figure fields were set from the records again: every figure that changed (paragraph, key, written → now). */
  'report.refresh': event(
    '刷新年度报告数据',
    z.strictObject({
      version: id,
      changes: z.array(z.strictObject({ paragraphId: z.string(), key: z.string(), field: z.enum(['value', 'previous']), written: z.number().nullable(), now: z.number().nullable() })),
    }),
  ),
  /** A step of the report (送审, 审核, 审定, 公开 with the frozen files' digests, the checkpoint and the SM2 signature, 报送, 退回 with the reason). */
  'report.transition': event(
    '年度报告步骤',
    z.strictObject({
      action: z.string(),
      from: z.string(),
      to: z.string(),
      on: isoDate,
      version: id,
      reason: z.string().optional(),
      late: z.boolean().optional(),
      contentDigest: sm3Hex.optional(),
      docxDigest: sm3Hex.optional(),
      pdfDigest: sm3Hex.nullable().optional(),
      checkpointId: id.optional(),
      checkpointDigest: sm3Hex.optional(),
      signature: z.string().optional(),
    }),
  ),
  /** The bureau's SM2 key pair for signing published reports was generated: its public key (the private key never leaves its file). */
  'report.signingKey': event('生成年度报告签名密钥', z.strictObject({ publicKey: z.string() })),
  /** The case was registered from an inspection's referral (移送立案): the inspection's id and number. */
  'case.fromInspection': event('由行政检查移送登记线索', z.strictObject({ inspectionId: id, number: z.string() })),
  /** A patrol task was planned: unit, area, route, day, officers. */
  'patrol.create': event('下达巡查任务', z.strictObject({ ...patrolInput.shape })),
  /** A step of a patrol (开始, 结束 with the summary, 取消 with the reason). */
  'patrol.transition': event('巡查步骤', patrolTransitionChange),
  /** A problem found on a patrol was recorded: the patrol, the catalog category, place, description, day. */
  'patrolProblem.record': event('记录巡查发现的问题', z.strictObject({ patrolId: id, ...problemInput.shape, foundOn: isoDate })),
  /** A photo of a problem was stored: its seq, name, type, SM3 digest and size. */
  'patrolProblem.photo': event('上传问题照片', z.strictObject({ seq: id, fileName: z.string(), mediaType: z.string(), digest: sm3Hex, size: count })),
  /** A step of a problem (责令整改 with its due date, 整改核查, 移送立案 with the case it registered). */
  'patrolProblem.transition': event('巡查问题处置', problemTransitionChange),
  /** The case was registered from a problem found on patrol (移送立案): the problem and its patrol. */
  'case.fromPatrol': event('由巡查问题登记线索', z.strictObject({ problemId: id, patrolId: id })),
  /** A 双随机 plan was made: year, name, items with their rules and pool filters, the officer pool. */
  'inspectionPlan.create': event('制定双随机抽查计划', z.strictObject({ ...planInput.shape })),
  /** The draw's seed was fixed and published (before the draw). */
  'inspectionPlan.seed': event('公布抽取种子', z.strictObject({ seed: z.string(), seedPublishedAt: z.string() })),
  /** The draw: per item its pool's size and SM3 digest and the subjects drawn; the inspections registered from it. */
  'inspectionPlan.draw': event(
    '双随机抽取',
    z.strictObject({ drawnAt: z.string(), items: z.array(z.strictObject({ itemCode: z.string(), poolSize: count, poolDigest: sm3Hex, drawn: z.array(z.string()) })), inspectionIds: z.array(id) }),
  ),
  /** A drawn officer set aside for a conflict of interest and the officer the re-draw gave (the inspection's new officers). */
  'inspectionPlan.redraw': event(
    '回避重新选派',
    z.strictObject({ itemCode: z.string(), creditCode: z.string(), setAside: z.string(), replacedBy: z.string().nullable(), reason: z.string(), inspectionId: id.nullable(), officerIds: z.array(id) }),
  ),
  /** A drawn inspection's result was published (公示): the result, the day, the day it was due, the reason when late. */
  'inspectionPlan.result': event('公示抽查结果', z.strictObject({ inspectionId: id, result: z.string(), publishedOn: isoDate, dueOn: isoDate, lateReason: z.string().nullable() })),
} as const;

export type AuditAction = keyof typeof auditEvents;

/** The `change` payload an action's record carries (what a call site of appendAudit must pass). */
export type AuditChange<A extends AuditAction> = z.input<(typeof auditEvents)[A]['change']>;

export const isAuditAction = (action: string): action is AuditAction => Object.hasOwn(auditEvents, action);

/**
 * Throws unless `change` is a valid payload of `action`. A failure is a programming error (services validate user
 * input before they write), so the message names the action and every zod issue, for a test to fail loudly.
 */
export function assertAuditChange(action: string, change: unknown): void {
  if (!isAuditAction(action)) throw new Error(`Unknown audit action "${action}": add it to src/domain/audit/events.ts`);
  const result = auditEvents[action].change.safeParse(change);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
    throw new Error(`Audit payload of "${action}" does not match its schema (src/domain/audit/events.ts): ${issues}`);
  }
}
