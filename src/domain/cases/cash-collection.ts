/**
 * 当场收缴罚款 (《行政处罚法》第六十八条至第七十一条). As a rule the party pays at the designated bank or by electronic
 * payment (第六十七条); officers may take the money themselves only:
 * - 第六十八条: with a decision made on the spot under 第五十一条 (简易程序), when the fine is 100 元 or less, or when
 *   it would be hard to enforce afterwards;
 * - 第六十九条: in remote, water or poorly connected areas, after a decision under 第五十一条 or 第五十七条, when paying
 *   at a bank or electronically is really difficult for the party and the party asks for it.
 * Each collection is against the 专用票据 issued by the finance department (第七十条); the officer hands the money to
 * the agency within 2 days (from coming ashore when collected on water) and the agency pays it into the designated
 * bank within 2 more days (第七十一条; "二日" are working days, 第八十五条). A case with collected cash not yet in
 * the bank cannot be closed.
 */
import type { IsoDate } from '../calendar/iso-date.ts';
import { ruleViolation, validationError } from '../errors.ts';
import { art } from '../workflow/law.ts';
import { type OnSpotCollection, type OnSpotCollectionInput, SMALL_FINE_LIMIT_FEN } from './cash-inputs.ts';
import { formatYuan } from './model.ts';
import type { CaseGuard, CaseSnapshot } from './snapshot.ts';

export {
  cashActionInputs,
  type OnSpotCollection,
  type OnSpotCollectionGround,
  type OnSpotCollectionInput,
  onSpotCollectionGroundLabels,
  onSpotCollectionGrounds,
  onSpotCollectionInput,
  SMALL_FINE_LIMIT_FEN,
} from './cash-inputs.ts';

const art68 = art('行政处罚法', 68);
const art69 = art('行政处罚法', 69);
const art71 = art('行政处罚法', 71);

/**
 * 《行政处罚法》第六十八条、第六十九条: whether the officer may take this payment in cash on the spot. `on` is the
 * day of the collection.
 */
export function assertOnSpotCollectionAllowed(c: Pick<CaseSnapshot, 'procedure' | 'record'>, collection: OnSpotCollectionInput, on: IsoDate): void {
  const decision = c.record.decision;
  if (!decision || decision.kind !== 'penalty' || !decision.penalty?.fineFen) throw ruleViolation('本案没有罚款决定，无从当场收缴罚款', art68);
  const fine = decision.penalty.fineFen;
  if (collection.ground === 'remoteArea') {
    if (!collection.partyRequested) {
      throw ruleViolation('边远、水上、交通不便地区当场收缴罚款，须经当事人提出', art69);
    }
    if (!collection.reason) throw validationError('请写明当事人到指定银行或者通过电子支付系统缴纳罚款确有困难的情况', { field: 'onSpot.reason' });
    return;
  }
  // 第六十八条: only with a decision made on the spot under 第五十一条, and at that time.
  if (c.procedure !== 'simple') {
    throw ruleViolation('依第六十八条当场收缴罚款，仅限依简易程序（第五十一条）当场作出的处罚决定；普通程序的罚款应由当事人到指定银行或电子缴纳', art68);
  }
  if (on !== decision.on) throw ruleViolation(`当场收缴应在当场作出处罚决定时（${decision.on}）进行，事后由当事人到指定银行或电子缴纳`, art68);
  if (collection.ground === 'smallFine' && fine > SMALL_FINE_LIMIT_FEN) {
    throw ruleViolation(`罚款 ${formatYuan(fine)} 超过一百元，不属于第六十八条第（一）项可当场收缴的情形`, `${art68}第（一）项`);
  }
  if (collection.ground === 'hardToEnforce' && !collection.reason) {
    throw validationError('请写明不当场收缴事后难以执行的理由', { field: 'onSpot.reason' });
  }
}

/** What a payment record keeps of an on-spot collection when it is taken. */
export function onSpotRecord(input: OnSpotCollectionInput): OnSpotCollection {
  return { ground: input.ground, reason: input.reason ?? null, partyRequested: input.partyRequested ?? false, afloat: input.afloat ?? false, handedOver: null, deposited: null };
}

/** Payments taken on the spot whose money has not yet reached the agency. */
export function cashNotHandedOver(c: Pick<CaseSnapshot, 'record'>) {
  return c.record.payments.filter((p) => p.onSpot && !p.onSpot.handedOver);
}

/** Payments taken on the spot that the agency holds but has not yet paid into the bank. */
export function cashNotDeposited(c: Pick<CaseSnapshot, 'record'>) {
  return c.record.payments.filter((p) => p.onSpot && p.onSpot.handedOver && !p.onSpot.deposited);
}

/** 《行政处罚法》第七十一条: the officer hands over cash collected on the spot (from coming ashore, if on water). */
export function assertCashHandover(c: Pick<CaseSnapshot, 'record'>, input: { ashoreOn?: string | undefined }, on: IsoDate): void {
  const pending = cashNotHandedOver(c);
  if (!pending.length) throw ruleViolation('本案没有待交至行政机关的当场收缴罚款', art71);
  const collectedOn = pending.map((p) => p.on).sort().at(-1)!;
  if (on < collectedOn) throw validationError(`交款日期不能早于收缴日期 ${collectedOn}`, { field: 'on' });
  const afloat = pending.some((p) => p.onSpot!.afloat);
  if (afloat && !input.ashoreOn) throw ruleViolation('在水上当场收缴的罚款，交款期限自抵岸之日起计算，请填写抵岸日期', art71);
  if (!afloat && input.ashoreOn) throw validationError('只有在水上收缴的罚款才填写抵岸日期', { field: 'ashoreOn' });
  if (input.ashoreOn && (input.ashoreOn < collectedOn || input.ashoreOn > on)) {
    throw validationError(`抵岸日期应在收缴日期 ${collectedOn} 与交款日期 ${on} 之间`, { field: 'ashoreOn' });
  }
}

/** 《行政处罚法》第七十一条: the agency pays into the bank the cash its officers handed over. */
export function assertCashDeposit(c: Pick<CaseSnapshot, 'record'>, on: IsoDate): void {
  const held = cashNotDeposited(c);
  if (!held.length) {
    throw ruleViolation(cashNotHandedOver(c).length ? '当场收缴的罚款尚未交至行政机关，请先登记交款' : '本案没有待缴付银行的当场收缴罚款', art71);
  }
  const handedOn = held.map((p) => p.onSpot!.handedOver!.on).sort().at(-1)!;
  if (on < handedOn) throw validationError(`缴付银行日期不能早于交至行政机关的日期 ${handedOn}`, { field: 'on' });
}

/** 《行政处罚法》第七十一条: no closing while cash collected on the spot is not yet in the designated bank. */
export function assertCashInBank(c: Pick<CaseSnapshot, 'record'>): void {
  const open = c.record.payments.filter((p) => p.onSpot && !p.onSpot.deposited);
  if (open.length) {
    const total = open.reduce((s, p) => s + p.amountFen, 0);
    throw ruleViolation(`当场收缴的罚款 ${formatYuan(total)} 尚未缴付指定的银行，不能结案`, art71);
  }
}

export const cashGuards = {
  onSpotCollection: {
    id: 'onSpotCollection',
    article: `${art68}、${art69}`,
    check: (c, input, g) => {
      if (input.action === 'recordPayment' && input.onSpot) assertOnSpotCollectionAllowed(c, input.onSpot, g.actDate);
    },
  },
  cashHandover: {
    id: 'cashHandover',
    article: art71,
    check: (c, input, g) => {
      if (input.action === 'handOverCash') assertCashHandover(c, input, g.actDate);
    },
  },
  cashDeposit: {
    id: 'cashDeposit',
    article: art71,
    check: (c, _input, g) => assertCashDeposit(c, g.actDate),
  },
  cashInBank: {
    id: 'cashInBank',
    article: art71,
    check: (c) => assertCashInBank(c),
  },
} satisfies Record<string, CaseGuard>;
