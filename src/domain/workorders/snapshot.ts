/** What the work-order guards see: the order as the store loads it, and the context of the step. */
import type { OrganizationKind, Role } from '../access.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { GuardContext } from '../workflow/kernel.ts';
import type { Satisfaction, WorkOrderChannel, WorkOrderKind, WorkOrderState } from './model.ts';
import type { WorkOrderSettings } from './periods.ts';

export interface WorkOrderSnapshot {
  id: number;
  state: WorkOrderState;
  channel: WorkOrderChannel;
  kind: WorkOrderKind;
  /** The organization that received (registered) the order: dispatching stays within its subtree. */
  organizationPath: string;
  /** The unit the order is with, and whether it was designated by a 派单异议 review (it may not return it again). */
  unit: { id: number; path: string } | null;
  designated: boolean;
  anonymous: boolean;
  receivedOn: IsoDate;
  lastActedOn: IsoDate;
  /** A petition's acceptance decision (信访工作条例第二十二条、第二十三条). */
  acceptance: { on: IsoDate; accepted: boolean } | null;
  /** Days of the petition's handling period extended so far (第三十四条). */
  extensionDays: number;
  answer: { on: IsoDate } | null;
  /** The latest written reply (书面答复: a letter or an online reply), from which 复查 may be asked (第三十五条). */
  writtenReply: { on: IsoDate } | null;
  /** The 复查 (第三十五条): the day its opinion was given (null while pending); null when none was asked. */
  review: { answeredOn: IsoDate | null } | null;
  reopenCount: number;
  lastSatisfaction: Satisfaction | null;
}

export interface WorkOrderGuardContext extends GuardContext {
  actor: { userId: number; roles: readonly Role[]; organizationPath: string };
  calendar: WorkCalendar;
  settings: WorkOrderSettings;
  /** The unit a dispatch, a re-dispatch or a dispute's decision names. */
  target?: { id: number; path: string; kind: OrganizationKind; name: string };
  /** The dispatch catalog's rule for the order's category: an item of the bureau's own is not pushed down. */
  dispatchRule?: { category: string; reservedToBureau: boolean } | null;
  /** The order a merge joins. */
  mergeTarget?: { id: number; state: WorkOrderState; organizationPath: string } | null;
}
