import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBenchmarksUrl } from '../domain/discretion/index.ts';
import { creditCodeCheckChar } from '../domain/validators/credit-code.ts';
import { newPerson } from '../services/testing/factories.ts';
import { createTestApp } from './test-app.ts';

/**
 * The access matrix (issue 13): every endpoint of the OpenAPI document × a user of each role, in the unit that owns
 * the resource and in another district, plus anonymous. Each endpoint has a row below naming who may pass — everyone
 * else must get 401 (anonymous), 403 or 404, and change nothing. A new endpoint without a row fails the test, so the
 * matrix grows with the API. Writes carry valid bodies: a refusal must come from who asks, not from what they send.
 * Rows for items 1–4 of the issue: officer steps only by the case's own officers (1), approvals only by their
 * author (2), nobody changes their own roles (3), the legal calendar only by the top-level admin (4).
 */

/** One user of each role in the owning district (东湖区) and in another (西山区); the city-level roles. */
const USERS = ['admin', 'admin.donghu', 'supervisor', 'clerk', 'head.donghu', 'head.xishan', 'reviewer.donghu', 'reviewer.xishan', 'wanglei', 'chief.donghu', 'liuyang'] as const;
type User = (typeof USERS)[number];
type Who = User | 'anonymous';
const EVERYONE: Who[] = ['anonymous', ...USERS];
const SIGNED_IN: Who[] = [...USERS];
/** Users who see the 东湖区 resources: the city level and 东湖区 itself. */
const DONGHU_SCOPE: Who[] = ['admin', 'admin.donghu', 'supervisor', 'clerk', 'head.donghu', 'reviewer.donghu', 'wanglei', 'chief.donghu'];
const STAFF_DONGHU: Who[] = ['head.donghu', 'reviewer.donghu', 'wanglei', 'chief.donghu'];
/** Who works on a 东湖区 case's substance (discretion, similar cases): its staff and the supervisor — not admins or clerks. */
const CASE_WORK: Who[] = [...STAFF_DONGHU, 'supervisor'];

interface Ids {
  caseId: number;
  /** A decided case of 东湖区 with its documents. */
  docCaseId: number;
  caseCode: string;
  evidenceSeq: number;
  documentId: number;
  orgId: number;
  otherOrgId: number;
  userId: number;
  powerItemId: number;
  benchmarkId: number;
  benchmarkItemId: number;
  publicDecisionId: number;
  decidedCode: string;
  self: Record<User, number>;
  /** The case's officers (王磊, 赵刚). */
  officerIds: number[];
  /** A hotline work order received by the 东湖区 brigade. */
  workOrderId: number;
  /** The 东湖区 bureau, its published inspection item, a subject of its library and a coded inspection of its brigade. */
  districtId: number;
  inspectionItemId: number;
  subjectId: number;
  inspectionId: number;
  inspectionCode: string;
  /** An underway patrol of the 东湖区 brigade (王磊, 赵刚) with a problem that has a photo. */
  patrolId: number;
  problemId: number;
  /** A published 双随机 item of 东湖区; a plan with its seed published; a plan drawn (one subject). */
  randomItemId: number;
  planId: number;
  drawnPlanId: number;
}

interface Request {
  url: string;
  payload?: unknown;
  multipart?: Record<string, string | Blob>;
}

interface Row {
  /** Who passes; the rest are refused. */
  allowed: Who[];
  request?: (ids: Ids, who: Who, version: () => Promise<number>) => Request | Promise<Request>;
  /** Why this row is as it is, when not obvious. */
  note?: string;
  /** Sent in a session of its own (logging out ends the session it is sent in). */
  fresh?: boolean;
}

const workOrderBody = (organizationId: number) => ({
  organizationId,
  channel: 'hotline',
  kind: 'complaint',
  category: { kind: 'matter', code: '06001' },
  content: '楼顶私搭乱建板房。',
  address: '云城市东湖区湖滨路56号',
  requester: { name: '李四', phone: '13900139000' },
});

const dispatchRuleBody = (organizationId: number) => ({ organizationId, category: { kind: 'matter', code: '06001' }, unitId: null, reservedToBureau: true });

const csv = (rows: string[][]) => new Blob([rows.map((r) => r.join(',')).join('\n')], { type: 'text/csv' });
/** A one-row benchmark file (the bundled table's header and first row), imported as a draft of 东湖区 for a row to act on. */
const oneRowBenchmark = readFileSync(bundledBenchmarksUrl, 'utf8').split(/\r?\n/).filter((l) => l && !l.startsWith('#')).slice(0, 2).join('\n');
async function benchmarkDraft(ids: Ids): Promise<number> {
  const res = await call('admin.donghu', 'POST', { url: '/api/benchmarks/import', multipart: { organizationId: String(ids.orgId), name: '矩阵测试草稿', file: new Blob([oneRowBenchmark]) } });
  expect(res.status, res.body).toBe(201);
  return (JSON.parse(res.body) as Json).versionId as number;
}
/** Distinct effective dates: two versions of one unit cannot start the same day. */
let effectiveDay = 0;
const nextEffectiveDate = () => new Date(Date.UTC(2030, 0, 1 + effectiveDay++)).toISOString().slice(0, 10);

/** `METHOD /path` (OpenAPI form) → who may pass. */
const MATRIX: Record<string, Row> = {
  'GET /api/health': { allowed: EVERYONE },
  'POST /api/auth/login': { allowed: EVERYONE, request: () => ({ url: '/api/auth/login', payload: { username: 'nobody', password: 'wrong-password' } }), note: 'answers 401 for a wrong password, by design' },
  'POST /api/auth/logout': { allowed: SIGNED_IN, fresh: true },
  'GET /api/auth/me': { allowed: SIGNED_IN },
  'GET /api/organizations': { allowed: SIGNED_IN },
  'GET /api/organizations/export': { allowed: SIGNED_IN, note: 'as the list: everyone exports their own subtree' },
  'GET /api/organizations/{id}/power-items/export': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/organizations/${ids.orgId}/power-items/export` }) },
  'POST /api/organizations': {
    allowed: ['admin', 'admin.donghu'],
    request: (ids, who) => ({ url: '/api/organizations', payload: { parentId: ids.orgId, name: `矩阵测试中队${who}`, kind: 'squadron' } }),
  },
  'GET /api/organizations/{id}': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/organizations/${ids.orgId}` }) },
  'PATCH /api/organizations/{id}': { allowed: ['admin', 'admin.donghu'], request: (ids) => ({ url: `/api/organizations/${ids.orgId}`, payload: { name: '东湖区综合行政执法大队' } }) },
  'GET /api/organizations/{id}/indicators': {
    allowed: ['supervisor', 'head.donghu', 'reviewer.donghu'],
    request: (ids) => ({ url: `/api/organizations/${ids.orgId}/indicators?year=2025` }),
    note: 'the annual report’s figures: the unit’s heads and legal section, and the supervisor above',
  },
  'GET /api/organizations/{id}/indicators/{key}/records': {
    allowed: ['supervisor', 'head.donghu', 'reviewer.donghu'],
    request: (ids) => ({ url: `/api/organizations/${ids.orgId}/indicators/penalty_cases/records?year=2025` }),
  },
  'GET /api/organizations/{id}/enforcement-statistics': {
    allowed: ['supervisor', 'head.donghu', 'reviewer.donghu'],
    request: (ids) => ({ url: `/api/organizations/${ids.orgId}/enforcement-statistics?year=2025` }),
    note: '行政执法数据: who reads the indicator table reads these',
  },
  'GET /api/organizations/{id}/enforcement-statistics.xlsx': {
    allowed: ['supervisor', 'head.donghu', 'reviewer.donghu'],
    request: (ids) => ({ url: `/api/organizations/${ids.orgId}/enforcement-statistics.xlsx?year=2025` }),
  },
  'GET /api/public/enforcement-statistics': { allowed: EVERYONE, request: (ids) => ({ url: `/api/public/enforcement-statistics?org=${ids.orgId}&year=2025` }), note: 'public once the year is over' },
  'GET /api/public/enforcement-statistics.xlsx': { allowed: EVERYONE, request: (ids) => ({ url: `/api/public/enforcement-statistics.xlsx?org=${ids.orgId}&year=2025` }) },
  'PUT /api/organizations/{id}/indicators/{key}/manual': {
    allowed: ['head.donghu', 'reviewer.donghu'],
    request: (ids) => ({ url: `/api/organizations/${ids.orgId}/indicators/training_sessions/manual`, payload: { year: 2025, value: 4, sourceNote: '大队培训台账' } }),
    note: 'hand-entered figures by the heads and legal section of the unit or above; the supervisor only reads',
  },
  'POST /api/organizations/{id}/indicators/{key}/manual/attachment': {
    allowed: ['head.donghu', 'reviewer.donghu'],
    request: async (ids) => ({ url: `/api/organizations/${await manualEntry(ids)}/indicators/law_study_sessions/manual/attachment`, multipart: { year: '2025', file: csv([['学法', '次数'], ['专题学法', '5']]) } }),
  },
  'GET /api/organizations/{id}/indicators/{key}/manual/attachment': {
    allowed: ['supervisor', 'head.donghu', 'reviewer.donghu'],
    request: async (ids) => ({ url: `/api/organizations/${await manualEntry(ids, true)}/indicators/law_study_sessions/manual/attachment?year=2025` }),
  },
  'POST /api/organizations/{id}/report-uploads': {
    allowed: ['supervisor', 'head.donghu', 'reviewer.donghu'],
    request: (ids) => ({ url: `/api/organizations/${ids.orgId}/report-uploads`, multipart: { year: '2025', file: reportFile() } }),
    note: 'a unit’s report file: the supervisor above it, the heads and legal section of the unit or above',
  },
  'GET /api/organizations/{id}/report-uploads': {
    allowed: ['supervisor', 'head.donghu', 'reviewer.donghu'],
    request: (ids) => ({ url: `/api/organizations/${ids.orgId}/report-uploads?year=2025` }),
  },
  'GET /api/organizations/{id}/report-uploads/{uploadId}/file': {
    allowed: ['supervisor', 'head.donghu', 'reviewer.donghu'],
    request: async (ids) => ({ url: `/api/organizations/${ids.orgId}/report-uploads/${await reportUpload(ids)}/file` }),
  },
  'GET /api/organizations/{id}/report-rollup': {
    allowed: ['supervisor'],
    request: (ids) => ({ url: `/api/organizations/${ids.districtId}/report-rollup?year=2025` }),
    note: 'the roll-up across units is the supervisor’s',
  },
  'PUT /api/organizations/{id}/report-rollup/weights': {
    allowed: ['supervisor'],
    request: (ids) => ({ url: `/api/organizations/${ids.districtId}/report-rollup/weights`, payload: { year: 2025, weights: [{ key: 'penalty_cases', weight: 50 }] } }),
  },
  'GET /api/organizations/{id}/report-rollup/export': {
    allowed: ['supervisor'],
    request: (ids) => ({ url: `/api/organizations/${ids.districtId}/report-rollup/export?year=2025` }),
  },
  'GET /api/organizations/{id}/report-comparison': {
    allowed: ['supervisor'],
    request: (ids) => ({ url: `/api/organizations/${ids.districtId}/report-comparison?year=2025&units=${ids.orgId},${ids.districtId}` }),
  },
  'POST /api/organizations/{id}/reports/{year}': {
    allowed: ['head.donghu', 'reviewer.donghu'],
    request: (ids) => ({ url: `/api/organizations/${ids.districtId}/reports/2025` }),
    note: 'the unit’s own head and legal section draft; the second gets 409 (already drafted)',
  },
  'GET /api/organizations/{id}/reports/{year}': { allowed: ['supervisor', 'head.donghu', 'reviewer.donghu'], request: async (ids) => ({ url: await annualReport(ids) }) },
  'PUT /api/organizations/{id}/reports/{year}': {
    allowed: ['head.donghu', 'reviewer.donghu'],
    request: async (ids) => ({ url: await annualReport(ids), payload: { expectedVersion: await annualReportVersion(ids), edits: [{ paragraphId: 'plan:narrative', text: '继续推进严格规范公正文明执法。' }] } }),
  },
  'POST /api/organizations/{id}/reports/{year}/refresh': {
    allowed: ['head.donghu', 'reviewer.donghu'],
    request: async (ids) => ({ url: `${await annualReport(ids)}/refresh`, payload: { expectedVersion: await annualReportVersion(ids) } }),
  },
  'GET /api/organizations/{id}/reports/{year}/file': { allowed: ['supervisor', 'head.donghu', 'reviewer.donghu'], request: async (ids) => ({ url: `${await annualReport(ids)}/file?format=docx` }) },
  'POST /api/organizations/{id}/reports/{year}/steps': {
    allowed: ['head.donghu', 'reviewer.donghu'],
    request: async (ids) => ({ url: `${await annualReport(ids)}/steps`, payload: { action: 'submitForReview', expectedVersion: await annualReportVersion(ids) } }),
    note: 'the second author finds it submitted already (422)',
  },
  'GET /api/public/report-key': { allowed: EVERYONE },
  'GET /api/public/reports': { allowed: EVERYONE },
  'GET /api/public/reports/{id}/file': { allowed: [], note: 'in the annual report HTTP test (annual-reports.test.ts): only published reports, none in the demo yet' },
  'GET /api/users': { allowed: SIGNED_IN },
  'POST /api/users/import': {
    allowed: ['admin', 'admin.donghu'],
    request: () => ({ url: '/api/users/import', multipart: { file: csv([['用户名', '姓名', '所属单位', '角色', '初始密码'], ['matrix.user', '矩阵', '不存在的单位', '执法人员', 'Matrix2026']]) } }),
    note: 'a refused import answers 400 for an admin (the row names no unit of theirs); others 403',
  },
  'GET /api/users/import-template': { allowed: ['admin', 'admin.donghu'] },
  'GET /api/users/export': { allowed: SIGNED_IN, note: 'as the list: the users of one’s own subtree' },
  'POST /api/users': {
    allowed: ['admin', 'admin.donghu'],
    request: (ids, who) => ({
      url: '/api/users',
      payload: { organizationId: ids.orgId, username: `mx${who.replace('.', '')}`.slice(0, 20), displayName: '矩阵测试', roles: ['officer'], password: 'Matrix2026x' },
    }),
  },
  'GET /api/users/{id}': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/users/${ids.userId}` }) },
  'PATCH /api/users/{id}': { allowed: ['admin', 'admin.donghu'], request: (ids) => ({ url: `/api/users/${ids.userId}`, payload: { displayName: '孙丽' } }) },
  'PUT /api/users/{id}/password': {
    allowed: ['admin', 'admin.donghu'],
    request: (ids) => ({ url: `/api/users/${ids.userId}/password`, payload: { password: 'Sunli2026xyz' } }),
  },
  'POST /api/users/{id}/unlock': { allowed: ['admin', 'admin.donghu'], request: (ids) => ({ url: `/api/users/${ids.userId}/unlock` }), note: 'an account not locked answers 409 to them' },
  'GET /api/audit/records': {
    allowed: ['admin', 'admin.donghu', 'supervisor'],
    request: (ids) => ({ url: `/api/audit/records?subjectType=case&subjectId=${ids.caseId}` }),
    note: 'answered for anyone of these roles; admin.xishan would see an empty page (scope), there is none in the matrix',
  },
  'GET /api/calendar/days': { allowed: SIGNED_IN, request: () => ({ url: '/api/calendar/days?from=2026-03-01&to=2026-03-31' }) },
  'GET /api/calendar/deadline': { allowed: SIGNED_IN, request: () => ({ url: '/api/calendar/deadline?from=2026-03-02&days=3&kind=working' }) },
  'GET /api/calendar/overrides': { allowed: SIGNED_IN, request: () => ({ url: '/api/calendar/overrides?year=2026' }) },
  'PUT /api/calendar/overrides/{date}': { allowed: ['admin'], request: () => ({ url: '/api/calendar/overrides/2031-05-06', payload: { kind: 'holiday', name: '矩阵测试' } }), note: 'item 4: national data, top-level admin only' },
  'POST /api/calendar/ranges': { allowed: ['admin'], request: () => ({ url: '/api/calendar/ranges', payload: { from: '2031-05-07', to: '2031-05-08', kind: 'holiday', name: '矩阵测试' } }) },
  'DELETE /api/calendar/overrides/{date}': { allowed: ['admin'], request: () => ({ url: '/api/calendar/overrides/2031-05-06' }) },
  'PUT /api/calendar/years/{year}': { allowed: ['admin'], request: () => ({ url: '/api/calendar/years/2031', payload: { complete: false } }) },
  'GET /api/audit/verify': { allowed: ['admin', 'admin.donghu', 'supervisor'] },
  'GET /api/cases': { allowed: SIGNED_IN },
  'GET /api/cases/export': { allowed: SIGNED_IN, note: 'the list as XLSX: what each user’s list shows' },
  'GET /api/work-orders/categories': { allowed: SIGNED_IN },
  'GET /api/work-orders': { allowed: SIGNED_IN, note: 'each sees the orders of its own subtree' },
  'POST /api/work-orders': {
    allowed: ['admin', 'admin.donghu', 'supervisor', 'clerk', 'head.donghu', 'wanglei', 'chief.donghu'],
    request: (ids) => ({ url: '/api/work-orders', payload: workOrderBody(ids.orgId) }),
    note: 'registered by whoever takes requests in or above the receiving unit; a reviewer does not',
  },
  'GET /api/work-orders/statistics': { allowed: SIGNED_IN, note: 'each counts the orders of its own subtree' },
  'GET /api/work-orders/statistics/orders': { allowed: SIGNED_IN, request: () => ({ url: '/api/work-orders/statistics/orders?measure=received' }), note: 'each lists the orders of its own subtree' },
  'GET /api/work-orders/{id}': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/work-orders/${ids.workOrderId}` }) },
  'POST /api/work-orders/{id}/transitions': {
    allowed: ['supervisor', 'head.donghu'],
    request: async (ids) => ({ url: `/api/work-orders/${ids.workOrderId}/transitions`, payload: { action: 'urge', note: '请加快办理。', expectedVersion: (await get(`/api/work-orders/${ids.workOrderId}`)).version } }),
    note: '督办 by the supervisor and the heads above the order',
  },
  'GET /api/work-orders/dispatch-rules': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/work-orders/dispatch-rules?organizationId=${ids.orgId}` }) },
  'PUT /api/work-orders/dispatch-rules': {
    allowed: ['admin', 'admin.donghu', 'head.donghu'],
    request: (ids) => ({ url: '/api/work-orders/dispatch-rules', payload: dispatchRuleBody(ids.orgId) }),
    note: 'the dispatch catalog is kept by admins and heads of the organization or above',
  },
  'POST /api/work-orders/dispatch-rules/import': {
    allowed: ['admin', 'admin.donghu', 'head.donghu'],
    request: (ids) => ({ url: '/api/work-orders/dispatch-rules/import', multipart: { organizationId: String(ids.orgId), file: csv([['部件/事项', '类别编码', '默认承办单位', '局机关职责事项'], ['管理事项', '06001', '', '是']]) } }),
  },
  'DELETE /api/work-orders/dispatch-rules/{id}': {
    allowed: ['admin', 'admin.donghu', 'head.donghu'],
    request: async (ids) => {
      // A rule to remove for each caller (an allowed caller removed the last one).
      const set = await call('admin', 'PUT', { url: '/api/work-orders/dispatch-rules', payload: dispatchRuleBody(ids.orgId) });
      return { url: `/api/work-orders/dispatch-rules/${(JSON.parse(set.body) as Json).id}` };
    },
  },
  'GET /api/organizations/{id}/work-order-settings': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/organizations/${ids.orgId}/work-order-settings` }) },
  'PUT /api/organizations/{id}/work-order-settings': {
    allowed: ['admin', 'admin.donghu', 'head.donghu'],
    request: (ids) => ({ url: `/api/organizations/${ids.orgId}/work-order-settings`, payload: { signingDays: 1 } }),
  },
  'POST /api/work-orders/{id}/case': {
    allowed: ['clerk', 'head.donghu', 'wanglei', 'chief.donghu'],
    request: async (ids) => {
      // An order of its own for each caller: an order becomes at most one case.
      const created = await call('clerk', 'POST', { url: '/api/work-orders', payload: workOrderBody(ids.orgId) });
      return { url: `/api/work-orders/${(JSON.parse(created.body) as Json).id}/case`, payload: { expectedVersion: 1, title: '涉嫌擅自搭建建筑物案' } };
    },
    note: 'those who register clues (officers, clerks, heads) and see the order',
  },
  'POST /api/work-orders/{id}/attachments': {
    allowed: ['supervisor', 'clerk', 'head.donghu', 'wanglei', 'chief.donghu'],
    request: (ids) => ({ url: `/api/work-orders/${ids.workOrderId}/attachments`, multipart: { purpose: 'registration', file: csv([['现场', '记录']]) } }),
    note: 'registration materials by whoever takes orders in and sees the order; not admins or reviewers',
  },
  'GET /api/work-orders/{id}/attachments/{seq}/file': {
    allowed: DONGHU_SCOPE,
    request: async (ids) => {
      await call('clerk', 'POST', { url: `/api/work-orders/${ids.workOrderId}/attachments`, multipart: { purpose: 'registration', file: csv([['现场', '记录']]) } });
      return { url: `/api/work-orders/${ids.workOrderId}/attachments/1/file` };
    },
  },
  'GET /api/work-orders/intake-keys': { allowed: ['admin', 'admin.donghu'] },
  'POST /api/work-orders/intake-keys': {
    allowed: ['admin', 'admin.donghu'],
    request: (ids, who) => ({ url: '/api/work-orders/intake-keys', payload: { system: `矩阵测试${who}`, channel: 'hotline', organizationId: ids.orgId } }),
  },
  'POST /api/work-orders/intake-keys/{id}/revoke': {
    allowed: ['admin', 'admin.donghu'],
    request: async () => ({ url: `/api/work-orders/intake-keys/${(await intakeKey()).id}/revoke` }),
    note: 'a key already revoked answers 409 to them',
  },
  'GET /api/public/work-orders/lookup': {
    allowed: EVERYONE,
    request: async () => {
      const { number, code } = await intakeReceipt();
      return { url: `/api/public/work-orders/lookup?number=${number}&code=${code}` };
    },
    note: 'by the number and the lookup code given at intake',
  },
  'GET /api/todo/digest': { allowed: ['supervisor', 'head.donghu', 'head.xishan', 'reviewer.donghu', 'reviewer.xishan', 'wanglei', 'chief.donghu', 'liuyang'], note: 'each user’s own 今日摘要: the roles that have to-dos' },
  'POST /api/cases/{id}/party-signatures': {
    allowed: ['wanglei'],
    request: async (ids) => signatureRequest(ids),
    note: 'the party signs on the phone of one of the case’s officers',
  },
  'GET /api/cases/{id}/party-signatures/{target}/image': {
    allowed: DONGHU_SCOPE,
    request: async (ids) => {
      // Signed once by the case's officer (a second signature of the same record is refused, and ignored here).
      await call('wanglei', 'POST', await signatureRequest(ids));
      return { url: `/api/cases/${ids.docCaseId}/party-signatures/services.0/image` };
    },
  },
  'POST /api/cases': { allowed: [], note: 'in the clue rows below' },
  'POST /api/cases/on-spot': { allowed: [], note: 'in the on-spot row below' },
  'GET /api/cases/by-code/{code}': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/cases/by-code/${ids.caseCode}` }) },
  'GET /api/cases/{id}': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/cases/${ids.caseId}` }) },
  // The case's trail: whoever may see the case (the same rule as its view).
  'GET /api/cases/{id}/timeline': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/cases/${ids.caseId}/timeline?limit=5` }) },
  'GET /api/cases/{id}/people': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/cases/${ids.caseId}/people` }) },
  'POST /api/cases/{id}/transitions': {
    allowed: ['wanglei'],
    request: async (ids, _who, version) => ({ url: `/api/cases/${ids.caseId}/transitions`, payload: { action: 'decidePreservation', outcome: '解除先行登记保存，退还当事人', expectedVersion: await version() } }),
    note: "item 1: an officer step, only by the case's own officers — a head not named on the case included",
  },
  'POST /api/cases/{id}/evidence': {
    allowed: ['wanglei'],
    request: async (ids, _who, version) => ({ url: `/api/cases/${ids.caseId}/evidence`, payload: evidenceBody(ids, await version()) }),
  },
  'POST /api/cases/{id}/evidence/stream': {
    allowed: ['wanglei'],
    request: async (ids, _who, version) => {
      const { contentBase64, collectorIds, expectedVersion, fileName: _name, mediaType: _type, ...fields } = evidenceBody(ids, await version());
      // Text fields first, the file last (the file's name in this harness is matrix.csv: a CSV evidence file).
      return { url: `/api/cases/${ids.caseId}/evidence/stream`, multipart: { ...fields, expectedVersion: String(expectedVersion), collectorIds: collectorIds.join(','), file: new Blob([Buffer.from(contentBase64, 'base64')]) } };
    },
  },
  'GET /api/cases/{id}/evidence/verify': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/cases/${ids.caseId}/evidence/verify` }) },
  'GET /api/cases/{id}/evidence/{seq}/file': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/cases/${ids.caseId}/evidence/${ids.evidenceSeq}/file` }) },
  'POST /api/cases/{id}/publicity/publish': { allowed: [], note: 'in the publicity row below (needs a decided case)' },
  'GET /api/case-deadlines': { allowed: SIGNED_IN },
  'GET /api/case-deadlines/export': { allowed: SIGNED_IN },
  'GET /api/organizations/{id}/case-settings': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/organizations/${ids.orgId}/case-settings` }) },
  'PUT /api/organizations/{id}/case-settings': { allowed: ['admin', 'admin.donghu'], request: (ids) => ({ url: `/api/organizations/${ids.orgId}/case-settings`, payload: { statementPeriodDays: 3 } }) },
  'GET /api/organizations/{id}/power-items': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/organizations/${ids.orgId}/power-items` }) },
  'POST /api/power-items': {
    allowed: ['admin', 'admin.donghu'],
    request: (ids, who) => ({
      url: '/api/power-items',
      payload: { organizationId: ids.orgId, code: `MX-${who.replace('.', '')}`.slice(0, 20), name: '矩阵测试违法行为', violatedProvision: '《城市市容和环境卫生管理条例》第十四条', penaltyProvision: '《城市市容和环境卫生管理条例》第三十六条', statutoryRange: '处以警告或者罚款', category: '市容环境' },
    }),
  },
  'POST /api/power-items/import': {
    allowed: ['admin', 'admin.donghu'],
    request: (ids, who) => ({
      url: '/api/power-items/import',
      multipart: {
        organizationId: String(ids.orgId),
        file: csv([['事项编码', '违法行为', '违则', '罚则', '法定处罚幅度', '类别'], [`MI-${who.replace('.', '')}`.slice(0, 20), '矩阵测试导入事项', '《城市市容和环境卫生管理条例》第十四条', '《城市市容和环境卫生管理条例》第三十六条', '处以警告或者罚款', '市容环境']]),
      },
    }),
  },
  'PATCH /api/power-items/{id}': { allowed: ['admin', 'admin.donghu'], request: (ids) => ({ url: `/api/power-items/${ids.powerItemId}`, payload: { active: true } }) },
  'GET /api/legal-reviews/queue': { allowed: ['head.donghu', 'head.xishan', 'reviewer.donghu', 'reviewer.xishan', 'admin', 'admin.donghu'] },
  'GET /api/todo': { allowed: [...CASE_WORK, 'head.xishan', 'reviewer.xishan', 'liuyang'], note: 'everyone who works on cases has a to-do list of their own subtree' },
  'GET /api/todo/done': { allowed: [...CASE_WORK, 'head.xishan', 'reviewer.xishan', 'liuyang'] },
  'POST /api/todo/closing-approvals': {
    allowed: ['head.donghu', 'head.xishan'],
    request: (ids) => ({ url: '/api/todo/closing-approvals', payload: { caseIds: [ids.caseId], text: '同意结案。' } }),
    note: 'heads only; each case is checked as the head’s own to-do — one outside their subtree or not ready is reported, never signed',
  },
  'POST /api/cases/{id}/urge': {
    allowed: ['supervisor', 'head.donghu'],
    request: (ids) => ({ url: `/api/cases/${ids.caseId}/urge`, payload: { note: '请加快办理，按期作出处理。' } }),
    note: '督办: supervisors and heads of the case’s scope (西山 sees no 东湖 case: 404)',
  },
  'GET /api/stats/cases': { allowed: ['supervisor', 'head.donghu', 'head.xishan', 'admin', 'admin.donghu'] },
  'GET /api/legal-reviews/queue/export': { allowed: ['head.donghu', 'head.xishan', 'reviewer.donghu', 'reviewer.xishan', 'admin', 'admin.donghu'] },
  'GET /api/stats/cases/export': { allowed: ['supervisor', 'head.donghu', 'head.xishan', 'admin', 'admin.donghu'] },
  'GET /api/public/acts/{code}': { allowed: EVERYONE, request: (ids) => ({ url: `/api/public/acts/${ids.decidedCode}` }) },
  'GET /api/public/acts/challenge': { allowed: EVERYONE },
  'GET /api/public/decisions': { allowed: EVERYONE },
  'GET /api/public/decisions/{id}': { allowed: EVERYONE, request: (ids) => ({ url: `/api/public/decisions/${ids.publicDecisionId}` }) },
  'GET /api/organizations/{id}/inspection-items': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/organizations/${ids.orgId}/inspection-items` }) },
  'POST /api/organizations/{id}/inspection-items': {
    allowed: ['admin', 'admin.donghu', 'head.donghu'],
    request: (ids, who) => ({ url: `/api/organizations/${ids.districtId}/inspection-items`, payload: inspectionItemBody(`M-${USERS.indexOf(who as User) + 1}`) }),
    note: 'the list is kept by the bureau’s admin and head',
  },
  'POST /api/inspection-items/{id}/publish': {
    allowed: ['admin', 'admin.donghu', 'head.donghu'],
    request: async (ids) => ({ url: `/api/inspection-items/${await draftItem(ids)}/publish`, payload: { publishedOn: '2099-01-01' } }),
  },
  'POST /api/inspection-items/{id}/withdraw': {
    allowed: ['admin', 'admin.donghu', 'head.donghu'],
    request: async (ids) => ({ url: `/api/inspection-items/${await draftItem(ids, true)}/withdraw`, payload: { withdrawnOn: '2099-02-01', reason: '矩阵测试撤销' } }),
  },
  'GET /api/organizations/{id}/inspection-subjects': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/organizations/${ids.orgId}/inspection-subjects` }) },
  'POST /api/organizations/{id}/inspection-subjects': {
    allowed: ['admin', 'admin.donghu', 'head.donghu', 'wanglei', 'chief.donghu'],
    request: (ids, who) => ({ url: `/api/organizations/${ids.districtId}/inspection-subjects`, payload: subjectBody(USERS.indexOf(who as User) + 10) }),
    note: 'officers add the subjects they meet; a brigade officer works on its bureau’s library',
  },
  'POST /api/organizations/{id}/inspection-subjects/import': {
    allowed: ['admin', 'admin.donghu', 'head.donghu', 'wanglei', 'chief.donghu'],
    request: (ids) => ({
      url: `/api/organizations/${ids.districtId}/inspection-subjects/import`,
      multipart: { file: new File([`名称,统一社会信用代码,对象类型,地址,行业类别,风险等级\n矩阵导入商店,${matrixCreditCode(90)},企业,云城市东湖区湖滨路9号,商贸,A`], 'subjects.csv', { type: 'text/csv' }) },
    }),
  },
  'POST /api/inspections': {
    allowed: ['head.donghu', 'wanglei', 'chief.donghu'],
    request: (ids) => ({ url: '/api/inspections', payload: { organizationId: ids.orgId, subjectId: ids.subjectId, itemId: ids.inspectionItemId, trigger: 'complaint', method: 'onSite', officerIds: ids.officerIds } }),
    note: 'registered by the bureau’s officers and heads',
  },
  'GET /api/inspections/{id}': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/inspections/${ids.inspectionId}` }) },
  'POST /api/inspections/{id}/transitions': {
    allowed: ['head.donghu'],
    request: async (ids) => ({ url: `/api/inspections/${await newInspection(ids)}/transitions`, payload: { action: 'cancel', reason: '矩阵测试取消', expectedVersion: 1 } }),
    note: 'cancelling is the head’s; the other steps are the inspection’s own officers’ (services test)',
  },
  'GET /api/public/inspection-items': { allowed: EVERYONE, request: (ids) => ({ url: `/api/public/inspection-items?organizationId=${ids.orgId}` }) },
  'GET /api/public/inspection-codes/{code}': { allowed: EVERYONE, request: (ids) => ({ url: `/api/public/inspection-codes/${ids.inspectionCode}` }) },
  'POST /api/public/inspection-codes/{code}/rating': {
    allowed: EVERYONE,
    request: (ids) => ({ url: `/api/public/inspection-codes/${ids.inspectionCode}/rating`, payload: { score: 5 } }),
    note: 'the enterprise rates anonymously with the code; the first rating is taken, the others answer 409 (one per code)',
  },
  'GET /api/organizations/{id}/inspections': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/organizations/${ids.orgId}/inspections?state=rectifying` }) },
  'GET /api/organizations/{id}/inspection-load': {
    allowed: ['admin', 'admin.donghu', 'supervisor', 'head.donghu'],
    request: (ids) => ({ url: `/api/organizations/${ids.districtId}/inspection-load?capStatus=reached` }),
    note: 'the supervisor’s view of inspections per enterprise: supervisors, heads and admins of the scope',
  },
  'GET /api/patrols': { allowed: SIGNED_IN, note: 'each sees the patrols of their own subtree' },
  'POST /api/patrols': {
    allowed: ['head.donghu', 'wanglei', 'chief.donghu'],
    request: (ids) => ({ url: '/api/patrols', payload: patrolBody(ids) }),
    note: 'officers and heads of the unit (or above)',
  },
  'GET /api/patrols/{id}': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/patrols/${ids.patrolId}` }) },
  'POST /api/patrols/{id}/transitions': {
    allowed: ['head.donghu'],
    request: async (ids) => ({ url: `/api/patrols/${await newPatrol(ids)}/transitions`, payload: { action: 'cancel', reason: '矩阵测试取消', expectedVersion: 1 } }),
    note: 'cancelling is the head’s; starting and finishing the patrol’s own officers’ (services test)',
  },
  'POST /api/patrols/{id}/problems': {
    allowed: ['head.donghu', 'wanglei'],
    request: (ids) => ({ url: `/api/patrols/${ids.patrolId}/problems`, payload: problemBody }),
    note: 'the patrol’s own officers, or a head above it',
  },
  'GET /api/patrol-problems/{id}': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/patrol-problems/${ids.problemId}` }) },
  'POST /api/patrol-problems/{id}/transitions': {
    allowed: ['wanglei'],
    request: async (ids) => ({ url: `/api/patrol-problems/${await newProblem(ids)}/transitions`, payload: { action: 'orderRectification', dueOn: '2099-01-01', requirement: '矩阵测试整改', expectedVersion: 1 } }),
    note: 'ordering a rectification is an officer’s of the patrol',
  },
  'POST /api/patrol-problems/{id}/photos': {
    allowed: ['head.donghu', 'wanglei'],
    request: (ids) => ({ url: `/api/patrol-problems/${ids.problemId}/photos`, multipart: { file: csv([['现场', '照片']]) } }),
  },
  'GET /api/patrol-problems/{id}/photos/{seq}/file': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/patrol-problems/${ids.problemId}/photos/1/file` }) },
  'GET /api/organizations/{id}/inspection-plans': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/organizations/${ids.orgId}/inspection-plans` }) },
  'POST /api/organizations/{id}/inspection-plans': {
    allowed: ['head.donghu'],
    request: (ids) => ({ url: `/api/organizations/${ids.orgId}/inspection-plans`, payload: planBody(ids) }),
    note: 'plans and draws are a head’s',
  },
  'GET /api/inspection-plans/{id}': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/inspection-plans/${ids.planId}` }) },
  'POST /api/inspection-plans/{id}/seed': {
    allowed: ['head.donghu'],
    request: async (ids) => ({ url: `/api/inspection-plans/${await newPlan(ids)}/seed`, payload: { expectedVersion: 1 } }),
  },
  'POST /api/inspection-plans/{id}/draw': { allowed: ['head.donghu'], request: (ids) => ({ url: `/api/inspection-plans/${ids.planId}/draw`, payload: { expectedVersion: 2 } }) },
  'POST /api/inspection-plans/{id}/redraw': {
    allowed: ['head.donghu'],
    request: async (ids) => {
      const drawn = (await get(`/api/inspection-plans/${ids.drawnPlanId}`)).drawn[0] as Json;
      return { url: `/api/inspection-plans/${ids.drawnPlanId}/redraw`, payload: { itemId: drawn.itemId, subjectId: drawn.subjectId, officerId: drawn.officers[0].userId, reason: '矩阵测试回避' } };
    },
  },
  'POST /api/inspection-plans/{id}/results': {
    allowed: ['head.donghu', 'wanglei', 'chief.donghu'],
    request: async (ids) => ({ url: `/api/inspection-plans/${ids.drawnPlanId}/results`, payload: { inspectionId: ((await get(`/api/inspection-plans/${ids.drawnPlanId}`)).drawn[0] as Json).inspection.id } }),
    note: 'the unit’s officers and heads publish results (the allowed get 400: not inspected yet)',
  },
  'GET /api/public/draws': { allowed: EVERYONE },
  'GET /api/public/draws/{id}': { allowed: EVERYONE, request: (ids) => ({ url: `/api/public/draws/${ids.drawnPlanId}` }) },
  'POST /api/benchmarks/import': {
    allowed: ['admin', 'admin.donghu'],
    request: (ids) => ({
      url: '/api/benchmarks/import',
      multipart: { organizationId: String(ids.orgId), kind: 'benchmark', name: '矩阵测试基准', file: csv([['序号', '违法行为'], ['1', '矩阵测试']]) },
    }),
    note: 'a refused import answers 400 for an admin (rows rejected); others 403',
  },
  'GET /api/benchmarks': { allowed: SIGNED_IN },
  'GET /api/benchmarks/template': { allowed: SIGNED_IN },
  'GET /api/benchmarks/{id}/diff': {
    allowed: ['admin', 'admin.donghu', 'head.donghu', 'head.xishan'],
    request: (ids) => ({ url: `/api/benchmarks/${ids.benchmarkId}/diff` }),
    note: 'who prepares and who confirms drafts (the city benchmark is visible to every district)',
  },
  'POST /api/benchmarks/{id}/confirm': {
    allowed: ['head.donghu'],
    request: async (ids) => ({ url: `/api/benchmarks/${await benchmarkDraft(ids)}/confirm`, payload: { effectiveFrom: nextEffectiveDate() } }),
    note: 'a head of the draft’s unit (or above) — the admin who imported it prepares, the head decides',
  },
  'POST /api/benchmarks/{id}/discard': {
    allowed: ['admin', 'admin.donghu', 'head.donghu'],
    request: async (ids) => ({ url: `/api/benchmarks/${await benchmarkDraft(ids)}/discard` }),
  },
  'POST /api/benchmarks/{id}/withdraw': {
    allowed: ['head.donghu'],
    request: async (ids) => {
      const id = await benchmarkDraft(ids);
      const confirmed = await call('head.donghu', 'POST', { url: `/api/benchmarks/${id}/confirm`, payload: { effectiveFrom: nextEffectiveDate() } });
      expect(confirmed.status, confirmed.body).toBe(200);
      return { url: `/api/benchmarks/${id}/withdraw`, payload: { reason: '矩阵测试：撤回待施行版本。' } };
    },
  },
  'GET /api/benchmarks/{id}/items': { allowed: SIGNED_IN, request: (ids) => ({ url: `/api/benchmarks/${ids.benchmarkId}/items` }), note: 'the city benchmark, in force for every district' },
  'GET /api/benchmarks/{id}/export': { allowed: SIGNED_IN, request: (ids) => ({ url: `/api/benchmarks/${ids.benchmarkId}/export` }) },
  'GET /api/benchmark-items/{id}': { allowed: SIGNED_IN, request: (ids) => ({ url: `/api/benchmark-items/${ids.benchmarkItemId}` }) },
  'POST /api/cases/{id}/discretion/assess': { allowed: CASE_WORK, request: (ids) => ({ url: `/api/cases/${ids.caseId}/discretion/assess`, payload: {} }) },
  'GET /api/cases/{id}/similar-cases': { allowed: CASE_WORK, request: (ids) => ({ url: `/api/cases/${ids.caseId}/similar-cases` }) },
  'GET /api/discretion/consistency': { allowed: ['head.donghu', 'head.xishan', 'reviewer.donghu', 'reviewer.xishan', 'supervisor', 'admin', 'admin.donghu'] },
  'GET /api/public/benchmarks': { allowed: EVERYONE },
  'GET /api/public/benchmarks/items/{id}': { allowed: EVERYONE, request: (ids) => ({ url: `/api/public/benchmarks/items/${ids.benchmarkItemId}` }) },
  'GET /api/public/exemptions': { allowed: EVERYONE },
  'POST /api/reports/analyze': {
    allowed: SIGNED_IN,
    request: () => ({ url: '/api/reports/analyze', multipart: { files: new Blob(['2026年法治政府建设年度报告'], { type: 'text/plain' }) } }),
  },
  'GET /api/document-types': { allowed: SIGNED_IN },
  'GET /api/cases/{id}/documents': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/cases/${ids.docCaseId}/documents` }) },
  'POST /api/cases/{id}/documents': {
    allowed: [...STAFF_DONGHU, 'admin', 'admin.donghu', 'supervisor', 'clerk'],
    request: (ids) => ({ url: `/api/cases/${ids.docCaseId}/documents`, payload: { type: 'penalty-decision', format: 'docx' } }),
  },
  'GET /api/cases/{id}/documents/{documentId}/file': { allowed: DONGHU_SCOPE, request: (ids) => ({ url: `/api/cases/${ids.docCaseId}/documents/${ids.documentId}/file` }) },
  'GET /api/public/bodies': { allowed: EVERYONE },
  'GET /api/public/officers': { allowed: EVERYONE },
};

/** Rows beyond one per endpoint: the separations of items 1–3 on other resources. */
const EXTRA: (Row & { route: string; method: string; name: string })[] = [
  {
    name: 'item 2: a head approves a 先行登记保存 in their own session; nobody approves for them',
    method: 'POST',
    route: '/api/cases/{id}/transitions',
    allowed: ['head.donghu'],
    request: async (ids, _who, version) => ({ url: `/api/cases/${ids.caseId}/transitions`, payload: { action: 'signOpinion', form: 'preservation', role: 'head', text: '同意先行登记保存', expectedVersion: await version() } }),
  },
  {
    name: 'item 3: nobody changes their own roles, admins included',
    method: 'PATCH',
    route: '/api/users/{id}',
    allowed: [],
    request: (ids, who) => ({ url: `/api/users/${who === 'anonymous' ? ids.userId : ids.self[who]}`, payload: { roles: ['admin', 'head', 'reviewer'] } }),
  },
  {
    name: 'an admin of one district administers no other district',
    method: 'PATCH',
    route: '/api/organizations/{id}',
    allowed: ['admin'],
    request: (ids) => ({ url: `/api/organizations/${ids.otherOrgId}`, payload: { name: '西山区综合行政执法大队' } }),
  },
  {
    name: 'clues are registered by officers, heads and the intake clerk',
    method: 'POST',
    route: '/api/cases',
    allowed: ['head.donghu', 'head.xishan', 'wanglei', 'chief.donghu', 'liuyang', 'clerk'],
    request: (ids) => ({
      url: '/api/cases',
      payload: {
        clueSource: 'patrol',
        title: '涉嫌擅自占用城市道路摆摊设点案',
        facts: '当事人在人行道上摆摊销售水果，占用人行道约6平方米。',
        place: '云城市东湖区南湖路',
        actStartedOn: '2026-03-01',
        actEndedOn: '2026-03-01',
        discoveredOn: '2026-03-02',
        powerItemId: ids.powerItemId,
        party: newPerson(),
      },
    }),
    note: 'the power item is the city list’s, in force in every district',
  },
];

const evidenceBody = (ids: Pick<Ids, 'officerIds'>, expectedVersion: number) => ({
  expectedVersion,
  kind: 'audioVisual',
  title: '现场照片',
  fileName: 'a.png',
  mediaType: 'image/png',
  contentBase64: PNG,
  collectorIds: ids.officerIds,
  place: '云城市东湖区南湖路32号',
  note: '证明当事人存放液化石油气钢瓶',
});

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let t: Awaited<ReturnType<typeof createTestApp>>;
const cookies: Partial<Record<Who, string>> = {};
let ids: Ids;
let doc: { paths: Record<string, Record<string, unknown>> };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(who: Who, method: string, req: Request, fresh = false): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = {};
  if (who !== 'anonymous') headers.cookie = fresh ? await t.login(who) : cookies[who]!;
  if (req.multipart) {
    const form = new FormData();
    for (const [k, v] of Object.entries(req.multipart)) {
      if (typeof v === 'string') form.append(k, v);
      else form.append(k, v, v instanceof File ? v.name : 'matrix.csv');
    }
    const encoded = new Response(form);
    const res = await t.app.inject({
      method: method as 'POST',
      url: req.url,
      headers: { ...headers, 'content-type': encoded.headers.get('content-type')! },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    return { status: res.statusCode, body: res.body };
  }
  const res = await t.app.inject({ method: method as 'GET', url: req.url, headers, ...(req.payload === undefined ? {} : { payload: req.payload as object }) });
  return { status: res.statusCode, body: res.body };
}

const matrixCreditCode = (n: number) => {
  const first17 = `91539902MA6M${String(n).padStart(5, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
const inspectionItemBody = (code: string) => ({ code, name: `矩阵检查事项${code}`, basis: '《城市市容和环境卫生管理条例》第十一条', subjectKinds: ['enterprise'], method: 'onSite', yearlyCap: null, random: false });
const subjectBody = (n: number) => ({ name: `矩阵测试商店${n}`, creditCode: matrixCreditCode(n), kind: 'enterprise', address: '云城市东湖区湖滨路1号', category: '商贸', riskClass: 'B' });
let drafts = 0;
/** The party's signature on the archived case's first 送达回证, as the pad sends it (a PNG). */
async function signatureRequest(ids: Ids): Promise<Request> {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
  return { url: `/api/cases/${ids.docCaseId}/party-signatures`, payload: { expectedVersion: (await get(`/api/cases/${ids.docCaseId}`)).version, target: 'services.0', pngBase64: png.toString('base64') } };
}
/** China's today, as the server's clock sees it. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const patrolBody = (ids: Ids) => ({ organizationId: ids.orgId, area: '湖滨片区', route: '湖滨路—解放路', plannedOn: chinaToday(), officerIds: ids.officerIds });
const problemBody = { category: { kind: 'matter', code: '09006' }, place: '湖滨路12号', description: '矩阵测试：占用人行道摆卖' };
const planBody = (ids: Ids) => ({ year: 2099, name: '矩阵测试抽查计划', items: [{ itemId: ids.randomItemId, rule: { count: 1 } }], officerIds: [...ids.officerIds, ids.self['chief.donghu']], officersPerSubject: 2 });
/** A new planned patrol of the 东湖区 brigade (王磊, 赵刚), made by its head. */
async function newPatrol(ids: Ids): Promise<number> {
  return (JSON.parse((await call('head.donghu', 'POST', { url: '/api/patrols', payload: patrolBody(ids) })).body) as Json).id as number;
}
/** A new problem on the underway patrol, recorded by 王磊. */
async function newProblem(ids: Ids): Promise<number> {
  return (JSON.parse((await call('wanglei', 'POST', { url: `/api/patrols/${ids.patrolId}/problems`, payload: problemBody })).body) as Json).id as number;
}
/** A new 双随机 plan of the 东湖区 brigade, made by its head. */
async function newPlan(ids: Ids): Promise<number> {
  return (JSON.parse((await call('head.donghu', 'POST', { url: `/api/organizations/${ids.orgId}/inspection-plans`, payload: planBody(ids) })).body) as Json).id as number;
}
/** A new registered inspection of the 东湖区 brigade (its head registers it), for a row that steps one. */
async function newInspection(ids: Ids): Promise<number> {
  const res = await call('head.donghu', 'POST', { url: '/api/inspections', payload: { organizationId: ids.orgId, subjectId: ids.subjectId, itemId: ids.inspectionItemId, trigger: 'complaint', method: 'onSite', officerIds: ids.officerIds } });
  return (JSON.parse(res.body) as Json).id as number;
}
/** A new item of the 东湖区 list (published when `published`), made by its head, for a row that changes one. */
async function draftItem(ids: Ids, published = false): Promise<number> {
  drafts += 1;
  const res = await call('head.donghu', 'POST', { url: `/api/organizations/${ids.districtId}/inspection-items`, payload: inspectionItemBody(`D-${drafts}`) });
  const id = (JSON.parse(res.body) as Json).id as number;
  if (published) await call('head.donghu', 'POST', { url: `/api/inspection-items/${id}/publish`, payload: { publishedOn: '2099-01-01' } });
  return id;
}

/** A hand-entered 2025 figure of the 东湖区 brigade (专题学法次数), with a supporting file when `withFile`; returns the brigade's id. */
let entered: Promise<void> | undefined;
let attached: Promise<void> | undefined;
/** 东湖区's annual report of 2025, drafted once by its head; its URL. */
let reportDrafted: Promise<void> | undefined;
async function annualReport(ids: Ids): Promise<string> {
  const url = `/api/organizations/${ids.districtId}/reports/2025`;
  reportDrafted ??= call('head.donghu', 'POST', { url }).then((res) => {
    expect([201, 409], res.body).toContain(res.status);
  });
  await reportDrafted;
  return url;
}
const annualReportVersion = async (ids: Ids) => (JSON.parse((await call('supervisor', 'GET', { url: await annualReport(ids) })).body) as Json).version as number;

async function manualEntry(ids: Ids, withFile = false): Promise<number> {
  entered ??= call('head.donghu', 'PUT', { url: `/api/organizations/${ids.orgId}/indicators/law_study_sessions/manual`, payload: { year: 2025, value: 5, sourceNote: '党组学法记录' } }).then((res) => {
    expect(res.status, res.body).toBe(200);
  });
  await entered;
  if (withFile) {
    attached ??= call('head.donghu', 'POST', { url: `/api/organizations/${ids.orgId}/indicators/law_study_sessions/manual/attachment`, multipart: { year: '2025', file: csv([['学法', '次数']]) } }).then((res) => {
      expect(res.status, res.body).toBe(201);
    });
    await attached;
  }
  return ids.orgId;
}

/** A unit's 2025 annual report as a .txt file. */
const reportFile = () => new File(['2025年法治政府建设年度报告\n一、主要举措和成效\n全年办理行政处罚案件12件。\n'], 'matrix-report.txt', { type: 'text/plain' });
/** The 东湖区 brigade's uploaded 2025 report (uploaded once by its head); returns the upload's id. */
let uploaded: Promise<number> | undefined;
function reportUpload(ids: Ids): Promise<number> {
  uploaded ??= call('head.donghu', 'POST', { url: `/api/organizations/${ids.orgId}/report-uploads`, multipart: { year: '2025', file: reportFile() } }).then((res) => {
    expect(res.status, res.body).toBe(201);
    return (JSON.parse(res.body) as Json).id as number;
  });
  return uploaded;
}

const get = async (url: string): Promise<Json> => JSON.parse((await call('admin', 'GET', { url })).body) as Json;

/** Intake keys of the 东湖区 brigade: one to revoke, one to send an order in through the Open311 endpoint (each made once). */
const newIntakeKey = async (system: string) => {
  const body = JSON.parse((await call('admin', 'POST', { url: '/api/work-orders/intake-keys', payload: { system, channel: 'hotline', organizationId: ids.orgId } })).body) as Json;
  return { id: body.key.id as number, secret: body.secret as string };
};
let revocable: Promise<{ id: number }> | undefined;
const intakeKey = () => (revocable ??= newIntakeKey('矩阵测试平台（吊销）'));
let receipt: Promise<{ number: string; code: string }> | undefined;
const intakeReceipt = () =>
  (receipt ??= newIntakeKey('矩阵测试平台（报送）').then(async ({ secret }) => {
    const res = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: { api_key: secret, service_code: 'matter-06001', description: '楼顶私搭乱建板房。', address_string: '湖滨路56号', attribute: { kind: 'complaint' } } });
    const [r] = res.json<{ service_request_id: string; token: string }[]>();
    return { number: r!.service_request_id, code: r!.token };
  }));

beforeAll(async () => {
  t = await createTestApp();
  for (const u of USERS) cookies[u] = await t.login(u);
  const me = await Promise.all(USERS.map(async (u) => [u, (JSON.parse((await call(u, 'GET', { url: '/api/auth/me' })).body) as Json).userId as number] as const));
  const orgs = (await get('/api/organizations')) as Json[];
  const org = (name: string) => orgs.find((o) => o.name.includes(name))!;
  const cases = (await get('/api/cases?state=investigating&pageSize=100')) as Json[];
  // The demo's 燃气 case: investigating, a 先行登记保存 pending, 王磊 and 赵刚 its officers.
  const gas = cases.find((c) => String(c.title).includes('燃气'))!;
  const view = await get(`/api/cases/${gas.id}`);
  
  const published = (await (await t.app.inject({ method: 'GET', url: '/api/public/decisions' })).json()) as Json;
  const benchmarks = (await get('/api/benchmarks')) as Json;
  const benchmark = (Array.isArray(benchmarks) ? benchmarks : (benchmarks.versions as Json[])).find((b: Json) => b.kind === 'benchmark')!;
  const items = (await get(`/api/benchmarks/${benchmark.id}/items`)) as Json;
  const brigade = org('东湖区城市管理综合行政执法大队');
  const powerItems = (await get(`/api/organizations/${brigade.id}/power-items`)) as Json;
  const users = (await get('/api/users')) as Json[];
  // Evidence and a document to read back.
  const userIds = Object.fromEntries(users.map((u) => [u.username, u.id])) as Record<string, number>;
  const evidence = await call('wanglei', 'POST', { url: `/api/cases/${gas.id}/evidence`, payload: evidenceBody({ officerIds: [userIds.wanglei!, userIds.zhaogang!] }, view.version) });
  expect(evidence.status).toBe(201);
  // The demo's first case, decided and archived with its whole document set.
  const archived = ((await get('/api/cases?state=archived&pageSize=100')) as Json[]).find((c) => String(c.title).includes('规划'))!;
  const document = await call('wanglei', 'POST', { url: `/api/cases/${archived.id}/documents`, payload: { type: 'penalty-decision', format: 'docx' } });
  expect(document.status, document.body).toBe(201);
  const workOrder = await call('clerk', 'POST', { url: '/api/work-orders', payload: workOrderBody(brigade.id) });
  expect(workOrder.status, workOrder.body).toBe(201);
  const dispatched = await call('clerk', 'POST', {
    url: `/api/work-orders/${(JSON.parse(workOrder.body) as Json).id}/transitions`,
    payload: { action: 'dispatch', unitId: brigade.id, expectedVersion: 1 },
  });
  expect(dispatched.status, dispatched.body).toBe(200);
  const district = org('东湖区城市管理和综合行政执法局');
  const headCall = async (url: string, payload: unknown) => {
    const res = await call('head.donghu', 'POST', { url, payload });
    expect(res.status, res.body).toBeLessThan(300);
    return JSON.parse(res.body) as Json;
  };
  const item = await headCall(`/api/organizations/${district.id}/inspection-items`, inspectionItemBody('MATRIX'));
  await headCall(`/api/inspection-items/${item.id}/publish`, { publishedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) });
  const subject = await headCall(`/api/organizations/${district.id}/inspection-subjects`, subjectBody(1));
  const inspection = await headCall('/api/inspections', { organizationId: brigade.id, subjectId: subject.id, itemId: item.id, trigger: 'planned', method: 'onSite', officerIds: [userIds.wanglei!, userIds.zhaogang!] });
  const coded = await call('wanglei', 'POST', { url: `/api/inspections/${inspection.id}/transitions`, payload: { action: 'issueCode', expectedVersion: inspection.version } });
  expect(coded.status, coded.body).toBe(200);
  const randomItem = await headCall(`/api/organizations/${district.id}/inspection-items`, { ...inspectionItemBody('MATRIX-R'), random: true });
  await headCall(`/api/inspection-items/${randomItem.id}/publish`, { publishedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) });
  const base = { orgId: brigade.id, officerIds: [userIds.wanglei!, userIds.zhaogang!], randomItemId: randomItem.id, self: Object.fromEntries(me) as Record<User, number> } as Ids;
  const patrol = await headCall('/api/patrols', patrolBody(base));
  const started = await call('wanglei', 'POST', { url: `/api/patrols/${patrol.id}/transitions`, payload: { action: 'start', expectedVersion: patrol.version } });
  expect(started.status, started.body).toBe(200);
  const problem = await call('wanglei', 'POST', { url: `/api/patrols/${patrol.id}/problems`, payload: problemBody });
  expect(problem.status, problem.body).toBe(201);
  const problemId = (JSON.parse(problem.body) as Json).id as number;
  const photo = await call('wanglei', 'POST', { url: `/api/patrol-problems/${problemId}/photos`, multipart: { file: csv([['现场', '照片']]) } });
  expect(photo.status, photo.body).toBe(201);
  const plan = await headCall(`/api/organizations/${brigade.id}/inspection-plans`, planBody(base));
  await headCall(`/api/inspection-plans/${plan.id}/seed`, { expectedVersion: 1 });
  const drawnPlan = await headCall(`/api/organizations/${brigade.id}/inspection-plans`, planBody(base));
  await headCall(`/api/inspection-plans/${drawnPlan.id}/seed`, { expectedVersion: 1 });
  await new Promise((resolve) => setTimeout(resolve, 5));
  await headCall(`/api/inspection-plans/${drawnPlan.id}/draw`, { expectedVersion: 2 });
  ids = {
    patrolId: patrol.id,
    problemId,
    randomItemId: randomItem.id,
    planId: plan.id,
    drawnPlanId: drawnPlan.id,
    districtId: district.id,
    inspectionItemId: item.id,
    subjectId: subject.id,
    inspectionId: inspection.id,
    inspectionCode: (JSON.parse(coded.body) as Json).code,
    workOrderId: (JSON.parse(workOrder.body) as Json).id,
    caseId: gas.id,
    docCaseId: archived.id,
    caseCode: view.actCode,
    evidenceSeq: (JSON.parse(evidence.body) as Json).seq,
    documentId: (JSON.parse(document.body) as Json).id,
    orgId: brigade.id,
    otherOrgId: org('西山区城市管理综合行政执法大队').id,
    userId: users.find((u) => u.username === 'sunli')!.id,
    powerItemId: ((Array.isArray(powerItems) ? powerItems : powerItems.items) as Json[])[0]!.id,
    benchmarkId: benchmark.id,
    benchmarkItemId: ((Array.isArray(items) ? items : items.items) as Json[])[0]!.id,
    publicDecisionId: ((Array.isArray(published) ? published : published.items) as Json[])[0]?.id ?? 1,
    decidedCode: archived.actCode,
    self: Object.fromEntries(me) as Record<User, number>,
    officerIds: [userIds.wanglei!, userIds.zhaogang!],
  };
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
}, 300_000);
afterAll(() => t.close());

const DENIED = new Set([401, 403, 404]);

async function run(method: string, route: string, row: Row): Promise<string[]> {
  const failures: string[] = [];
  const version = async () => (await get(`/api/cases/${ids.caseId}`)).version as number;
  // The refused first: a write by an allowed user may change what the others would see.
  const order = [...EVERYONE.filter((w) => !row.allowed.includes(w)), ...row.allowed];
  for (const who of order) {
    const req = row.request ? await row.request(ids, who, version) : { url: route };
    const { status, body } = await call(who, method, req, row.fresh);
    const allowed = row.allowed.includes(who);
    if (status >= 500) failures.push(`${method} ${route} as ${who}: ${status} ${body.slice(0, 160)}`);
    else if (!allowed && !DENIED.has(status)) failures.push(`${method} ${route} as ${who}: ${status}, expected refusal — ${body.slice(0, 160)}`);
    else if (allowed && DENIED.has(status) && !(route === '/api/auth/login')) failures.push(`${method} ${route} as ${who}: ${status}, expected access — ${body.slice(0, 160)}`);
    if (who === 'anonymous' && !allowed && status !== 401) failures.push(`${method} ${route} anonymous: ${status}, expected 401`);
  }
  return failures;
}

describe('access matrix: every endpoint × each role × own and other unit', () => {
  it('has a row for every operation of the OpenAPI document', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations.filter((o) => !(o in MATRIX))).toEqual([]);
  });

  it('each endpoint lets exactly its row’s users through', async () => {
    const failures: string[] = [];
    for (const [key, row] of Object.entries(MATRIX)) {
      if (row.allowed.length === 0 && row.note?.startsWith('in the')) continue;
      const [method, route] = key.split(' ') as [string, string];
      failures.push(...(await run(method, route, row)));
    }
    expect(failures).toEqual([]);
  }, 300_000);

  for (const row of EXTRA) {
    it(row.name, async () => {
      expect(await run(row.method, row.route, row)).toEqual([]);
    }, 120_000);
  }
});
