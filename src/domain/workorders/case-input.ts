/**
 * 转为案件线索: what an officer adds to a work order's data to register a clue of the case engine
 * (services/workorders/to-case.ts). Kept in the domain so the server validates with it and the order page's form
 * is generated from it; the fields not given default from the order (facts, place, dates, unit).
 */
import { z } from 'zod';
import { cluePartyInput } from '../cases/parties.ts';
import { clueInput } from '../cases/registration.ts';
import { expectedVersionInput } from '../input-kit.ts';

/** The 案由 and the act's dates; the rest defaults from the order. */
export const workOrderCaseInput = z.object({
  expectedVersion: expectedVersionInput('工单'),
  title: clueInput.shape.title,
  actStartedOn: clueInput.shape.actStartedOn.optional().meta({ title: '违法行为开始日期', description: '默认为工单受理日期' }),
  actEndedOn: clueInput.shape.actEndedOn.optional(),
  actContinuing: clueInput.shape.actContinuing,
  organizationId: clueInput.shape.organizationId.meta({ title: '办案单位', description: '默认为工单的承办单位（未派单的为受理单位）' }),
  powerItemId: clueInput.shape.powerItemId.optional(),
  facts: clueInput.shape.facts.optional().meta({ title: '违法事实', description: '默认为工单诉求内容' }),
  place: clueInput.shape.place.optional().meta({ title: '违法地点', description: '默认为工单地点' }),
  party: cluePartyInput.optional().meta({ title: '当事人', description: '工单未载明当事人的，默认为“尚不明确”' }),
});
export type WorkOrderCaseInput = z.input<typeof workOrderCaseInput>;
