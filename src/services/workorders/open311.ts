/**
 * The open interface of work orders in the shape of Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2):
 * a 12345 platform or a phone app sends orders in with its API key (intake-keys.ts). Services are the categories of the
 * bundled GB/T 47678.5 catalog, named in Chinese; what our registration needs beyond Open311's fields — the kind
 * (咨询/求助/建议/投诉/举报) and the sender's own order number — are attributes declared in each service's definition.
 * The channel and the receiving organization come from the key. A resend with the sender's order number returns the
 * order registered the first time (the unique index of (external_source, external_number) holds under concurrency).
 * See docs/WORK-ORDERS.md "Open interface".
 */
import { and, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { AppError, notFound, validationError } from '../../domain/errors.ts';
import { type Category, categoryKinds, type CategoryKind, findCategory } from '../../domain/workorders/catalog.ts';
import { type WorkOrderState, workOrderKindKeys, workOrderKinds, workOrderStates } from '../../domain/workorders/model.ts';
import type { Executor } from '../../db/connect.ts';
import { organizations, workOrders } from '../../db/schema.ts';
import type { ServiceContext } from '../context.ts';
import { workOrderCategories } from './catalog.ts';
import { intakeSource, type IntakeSender } from './intake-keys.ts';
import { newLookupCode } from './open311-lookup.ts';
import { registerWorkOrder } from './register-work-order.ts';

/** A service code is the category's kind and code: `matter-06001` (管理事项 私搭乱建), `part-01001` (管理部件 供水井盖). */
export const serviceCodeOf = (c: Pick<Category, 'kind' | 'code'>) => `${c.kind}-${c.code}`;

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export async function open311Services(): Promise<Open311Service[]> {
  return (await workOrderCategories()).map((c) => ({
    service_code: serviceCodeOf(c),
    service_name: c.name,
    description: `${categoryKinds[c.kind]}·${c.group}·${c.name}（GB/T 47678.5）`,
    metadata: true,
    type: 'realtime',
    keywords: [c.group, categoryKinds[c.kind]].join(','),
    group: `${categoryKinds[c.kind]}/${c.group}`,
  }));
}

/** The category a service code names, or a Chinese refusal. */
export async function categoryOfServiceCode(code: unknown): Promise<Category> {
  if (typeof code !== 'string' || code.trim() === '') throw validationError('请提供 service_code（服务代码，见 services.json）', { fields: [{ field: 'service_code', message: '必填' }] });
  const match = /^(part|matter)-(\d{5})$/.exec(code.trim());
  if (!match) throw validationError(`服务代码 ${code} 无效：应为 part-五位编码 或 matter-五位编码（见 services.json）`, { fields: [{ field: 'service_code', message: '格式无效' }] });
  return findCategory(await workOrderCategories(), match[1] as CategoryKind, match[2]!);
}

/** The attributes every service takes (Open311 service definition). */
export const KIND_ATTRIBUTE = 'kind';
export const EXTERNAL_NUMBER_ATTRIBUTE = 'external_number';

export async function open311ServiceDefinition(code: string) {
  const category = await categoryOfServiceCode(code);
  return {
    service_code: serviceCodeOf(category),
    attributes: [
      {
        variable: true,
        code: KIND_ATTRIBUTE,
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: '诉求类型：consult 咨询、help 求助、suggestion 建议、complaint 投诉、report 举报',
        order: 1,
        description: '诉求类型',
        values: workOrderKindKeys.map((key) => ({ key, name: workOrderKinds[key] })),
      },
      {
        variable: true,
        code: EXTERNAL_NUMBER_ATTRIBUTE,
        datatype: 'string',
        required: false,
        datatype_description: '来件系统自己的工单号（不超过 64 个字符）；同一系统以同一工单号重发时返回首次登记的工单，不重复登记',
        order: 2,
        description: '来件系统工单号',
      },
    ],
  };
}

/** Open311's field names of our registration input's fields, for refusals the sender can act on. */
const open311FieldOf: Record<string, string> = {
  kind: `attribute[${KIND_ATTRIBUTE}]`,
  externalNumber: `attribute[${EXTERNAL_NUMBER_ATTRIBUTE}]`,
  content: 'description',
  address: 'address_string',
  'location.longitude': 'long',
  'location.latitude': 'lat',
  'requester.name': 'first_name/last_name',
  'requester.phone': 'phone',
  'category.code': 'service_code',
};

/** A form or JSON field as one string (a repeated form field or an array: its first value); undefined when absent or empty. */
function field(body: Record<string, unknown>, name: string): string | undefined {
  const v = body[name];
  const one = Array.isArray(v) ? (v[0] as unknown) : v;
  if (one === undefined || one === null) return undefined;
  if (typeof one !== 'string' && typeof one !== 'number') throw validationError(`${name} 应为文本`, { fields: [{ field: name, message: '应为文本' }] });
  const s = String(one).trim();
  return s === '' ? undefined : s;
}

/** `attribute[code]` of a form, or `attribute: { code }` of a JSON body. */
function attribute(body: Record<string, unknown>, code: string): string | undefined {
  const nested = body.attribute;
  if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
    const inner = field(nested as Record<string, unknown>, code);
    if (inner !== undefined) return inner;
  }
  return field(body, `attribute[${code}]`);
}

function coordinate(body: Record<string, unknown>, name: 'lat' | 'long'): number | undefined {
  const s = field(body, name);
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) throw validationError(`${name} 应为数字（WGS84 ${name === 'lat' ? '纬度' : '经度'}）`, { fields: [{ field: name, message: '应为数字' }] });
  return n;
}

/** Maps an Open311 request (form fields or JSON) to our registration input; refuses what cannot be mapped. */
export async function registrationOf(sender: IntakeSender, raw: unknown) {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw validationError('请求内容应为表单或 JSON 对象');
  const body = raw as Record<string, unknown>;
  const category = await categoryOfServiceCode(field(body, 'service_code'));
  const lat = coordinate(body, 'lat');
  const long = coordinate(body, 'long');
  if ((lat === undefined) !== (long === undefined)) throw validationError('lat 与 long 应同时提供', { fields: [{ field: lat === undefined ? 'lat' : 'long', message: '缺少' }] });
  const address = field(body, 'address_string');
  if (address === undefined) throw validationError('请提供 address_string（地点的文字描述）：工单须写明地点', { fields: [{ field: 'address_string', message: '必填' }] });
  const description = field(body, 'description');
  const media = field(body, 'media_url');
  const name = [field(body, 'last_name'), field(body, 'first_name')].filter(Boolean).join('');
  const phone = field(body, 'phone');
  const kind = attribute(body, KIND_ATTRIBUTE);
  if (kind === undefined) throw validationError(`请提供 attribute[${KIND_ATTRIBUTE}]（诉求类型：${workOrderKindKeys.join('、')}）`, { fields: [{ field: `attribute[${KIND_ATTRIBUTE}]`, message: '必填' }] });
  const externalNumber = attribute(body, EXTERNAL_NUMBER_ATTRIBUTE);
  return {
    organizationId: sender.organizationId,
    channel: sender.channel,
    kind,
    category: { kind: category.kind, code: category.code },
    // The photo stays where the sender keeps it; its address is kept with the text so nothing sent is lost.
    content: description === undefined ? undefined : media ? `${description}\n（照片：${media}）` : description,
    address,
    location: lat !== undefined && long !== undefined ? { latitude: lat, longitude: long } : null,
    // Anonymous when neither a name nor a phone is given; either one alone is refused by the registration's rules.
    requester: name === '' && phone === undefined ? null : { name, phone },
    ...(externalNumber === undefined ? {} : { externalNumber }),
  };
}

/** The registration refusal with Open311's field names instead of ours. */
function inOpen311Terms(error: unknown): unknown {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION') return error;
  const fields = (error.details?.fields ?? []) as { field: string; message: string }[];
  if (fields.length === 0) return error;
  const renamed = fields.map((f) => ({ field: open311FieldOf[f.field] ?? f.field, message: f.message }));
  return validationError(renamed.map((f) => `${f.field}：${f.message}`).join('；'), { fields: renamed });
}

/** What the intake acts as: the sending system, within its receiving organization, recorded in the trail as a system. */
export const intakeActor = (sender: IntakeSender): Actor => ({
  userId: 0,
  organizationId: sender.organizationId,
  organizationPath: sender.organizationPath,
  roles: ['clerk'],
  displayName: `接入系统：${sender.system}`,
});

export interface Open311Receipt {
  service_request_id: string;
  token?: string;
  service_notice: string;
  account_id: null;
}

async function existing(db: Executor, source: string, externalNumber: string): Promise<{ number: string; receivedOn: string } | undefined> {
  const [row] = await db
    .select({ number: workOrders.number, receivedOn: workOrders.receivedOn })
    .from(workOrders)
    .where(and(eq(workOrders.externalSource, source), eq(workOrders.externalNumber, externalNumber)));
  return row;
}

const resent = (o: { number: string; receivedOn: string }, externalNumber: string): Open311Receipt[] => [
  {
    service_request_id: o.number,
    service_notice: `来件工单号 ${externalNumber} 已于 ${o.receivedOn} 登记为工单 ${o.number}，本次为重复提交，未新建工单；查询码已在首次受理时发放`,
    account_id: null,
  },
];

/**
 * Registers an order sent by `sender`. With the sender's order number, a resend (also one racing the first: the
 * unique index refuses the second insert) answers with the order registered first and writes nothing.
 */
export async function submitOpen311Request(ctx: ServiceContext, sender: IntakeSender, raw: unknown): Promise<Open311Receipt[]> {
  const input = await registrationOf(sender, raw);
  const source = intakeSource(sender);
  if (input.externalNumber) {
    const before = await existing(ctx.db, source, input.externalNumber);
    if (before) return resent(before, input.externalNumber);
  }
  const code = newLookupCode();
  try {
    const view = await registerWorkOrder(ctx, intakeActor(sender), input, source, code);
    return [
      {
        service_request_id: view.number,
        token: code,
        service_notice: `工单已受理，编号 ${view.number}，查询码 ${code}（仅显示这一次，请告知诉求人妥善保存；凭编号和查询码可查询办理进度）`,
        account_id: null,
      },
    ];
  } catch (error) {
    if (input.externalNumber) {
      const raced = await existing(ctx.db, source, input.externalNumber);
      if (raced) return resent(raced, input.externalNumber);
    }
    throw inOpen311Terms(error);
  }
}

const CLOSED: WorkOrderState[] = ['completed', 'closed', 'merged', 'declined'];
const OPEN: WorkOrderState[] = ['received', 'dispatched', 'handling', 'disputed', 'answered'];

/** Open311's `status` of an order: closed once completed (办结), merged or not accepted. */
export const open311Status = (state: WorkOrderState): 'open' | 'closed' => (CLOSED.includes(state) ? 'closed' : 'open');

function w3cDate(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(d.getTime())) {
    throw validationError(`${name} 应为 W3C 格式的日期时间，如 2026-12-05T10:00:00+08:00`, { fields: [{ field: name, message: '格式无效' }] });
  }
  return d;
}

export const OPEN311_MAX_REQUESTS = 1000;

/**
 * The orders the sender sent in (only those: another system's or a staff-registered order is not the sender's to
 * read), by service_request_id (comma-separated), service_code, status and start_date/end_date (of receipt), newest
 * first, at most 1000.
 */
export async function listOpen311Requests(db: Executor, sender: IntakeSender, query: Record<string, unknown>) {
  const ids = field(query, 'service_request_id')?.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids && ids.length > OPEN311_MAX_REQUESTS) throw validationError(`service_request_id 一次最多 ${String(OPEN311_MAX_REQUESTS)} 个`);
  const serviceCode = field(query, 'service_code');
  const status = field(query, 'status');
  if (status !== undefined && status !== 'open' && status !== 'closed') throw validationError('status 应为 open 或 closed', { fields: [{ field: 'status', message: '无效' }] });
  const start = w3cDate(field(query, 'start_date'), 'start_date');
  const end = w3cDate(field(query, 'end_date'), 'end_date');
  if (start && end && start > end) throw validationError('start_date 不能晚于 end_date');
  const where: SQL[] = [eq(workOrders.externalSource, intakeSource(sender)), eq(workOrders.organizationId, sender.organizationId)];
  if (ids) where.push(inArray(workOrders.number, ids));
  if (serviceCode) {
    const c = await categoryOfServiceCode(serviceCode);
    where.push(eq(workOrders.categoryKind, c.kind), eq(workOrders.categoryCode, c.code));
  }
  if (status) where.push(inArray(workOrders.state, status === 'open' ? OPEN : CLOSED));
  if (start) where.push(gte(workOrders.createdAt, start));
  if (end) where.push(lte(workOrders.createdAt, end));
  const rows = await db
    .select({ o: workOrders, unitName: organizations.name })
    .from(workOrders)
    .leftJoin(organizations, eq(organizations.id, workOrders.unitId))
    .where(and(...where))
    .orderBy(desc(workOrders.id))
    .limit(OPEN311_MAX_REQUESTS);
  const catalog = await workOrderCategories();
  return rows.map(({ o, unitName }) => {
    const category = findCategory(catalog, o.categoryKind as CategoryKind, o.categoryCode);
    const state = o.state as WorkOrderState;
    return {
      service_request_id: o.number,
      status: open311Status(state),
      status_notes: workOrderStates[state],
      service_name: category.name,
      service_code: serviceCodeOf(category),
      description: o.content,
      agency_responsible: unitName ?? sender.organizationName,
      service_notice: null,
      requested_datetime: o.createdAt.toISOString(),
      updated_datetime: `${o.lastActedOn}T00:00:00+08:00`,
      expected_datetime: o.dueOn ? `${o.dueOn}T23:59:59+08:00` : null,
      address: o.address,
      lat: o.latitude,
      long: o.longitude,
    };
  });
}

export async function getOpen311Request(db: Executor, sender: IntakeSender, id: string) {
  const found = await listOpen311Requests(db, sender, { service_request_id: id });
  if (found.length === 0 || id.includes(',')) throw notFound(`工单 ${id}`);
  return found;
}
