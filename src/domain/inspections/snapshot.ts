/** What the inspection guards see: the inspection as the store loads it, and the context of the step. */
import type { Role } from '../access.ts';
import type { IsoDate } from '../calendar/iso-date.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { GuardContext } from '../workflow/kernel.ts';
import type { InspectionMethod, InspectionState, InspectionTrigger } from './model.ts';
import type { InspectionSettings } from './periods.ts';

export interface InspectionOfficer {
  userId: number;
  name: string;
  /** 行政执法证号 and its validity; null when the person holds none (辅助人员 may not inspect). */
  certificate: { number: string; validFrom: IsoDate | null; validUntil: IsoDate } | null;
}

export interface InspectionSnapshot {
  id: number;
  state: InspectionState;
  organizationPath: string;
  subject: { id: number; creditCode: string; name: string };
  /** The item as published in the organization's list (检查事项清单); `publishedOn` null: not (or no longer) published. */
  item: { id: number; code: string; name: string; method: InspectionMethod; yearlyCap: number | null; publishedOn: IsoDate | null; withdrawnOn: IsoDate | null };
  trigger: InspectionTrigger;
  method: InspectionMethod;
  /** Why a targeted inspection goes on site where the item is checked in writing. */
  methodReason: string | null;
  /** Inspected before registration (紧急检查): the day it happened. */
  emergencyOn: IsoDate | null;
  officers: readonly InspectionOfficer[];
  registeredOn: IsoDate;
  lastActedOn: IsoDate;
  rectification: { dueOn: IsoDate } | null;
}

export interface InspectionGuardContext extends GuardContext {
  actor: { userId: number; roles: readonly Role[]; organizationPath: string };
  calendar: WorkCalendar;
  settings: InspectionSettings;
  /** Inspections of the same subject on the same item in the calendar year of the act, this one not counted. */
  inspectionsThisYear: number;
}
