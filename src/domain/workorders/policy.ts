/**
 * Who may set the work-order ledger's local parameters and its dispatch catalog (docs/WORK-ORDERS.md "Local
 * parameters", "Dispatch catalog"). The steps of an order keep their roles in the transition table (workflow.ts).
 * Services assert these permissions, the web's menu and pages ask them (src/domain/policy.ts).
 */
import { permission } from '../policy.ts';

export const workOrderPolicy = {
  /** 签收、办理期限 and the number of reopenings, for an organization and those below it that do not set their own. */
  editSettings: permission('设置工单参数', ['admin', 'head']),
  /** The dispatch catalog's rules: category → default unit, and whether the item is the bureau's own. */
  editDispatchRules: permission('维护派单目录', ['admin', 'head']),
};
