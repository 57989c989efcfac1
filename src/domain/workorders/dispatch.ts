/**
 * The dispatch catalog (派单目录): per organization, a category of the city-management catalog → the unit its orders
 * go to by default, and whether it is an item of the bureau's own duties. Such an item is not pushed down to a town
 * or street (国办函〔2025〕66号: what is not on a 乡镇（街道）履行职责事项清单 stays with the department); the rule is
 * checked when the rule is set (its default unit) and at every dispatch (workflow.ts `noPushDown`).
 */
import { z } from 'zod';
import type { OrganizationKind } from '../access.ts';
import { ruleViolation, validationError } from '../errors.ts';
import { idInput, idParam } from '../ids.ts';
import { categoryKindKeys } from './catalog.ts';

export const NO_PUSH_DOWN_BASIS = '国办函〔2025〕66号';

export const dispatchRuleInput = z.object({
  organizationId: idInput('派单目录所属单位'),
  category: z.object({
    kind: z.enum(categoryKindKeys, { message: '类别应为管理部件或管理事项' }).meta({ title: '部件/事项' }),
    code: z.string({ error: '请填写类别编码' }).regex(/^\d{5}$/, '类别编码应为 5 位数字').meta({ title: '类别编码' }),
  }),
  /** null: no default unit; the dispatcher chooses every time. */
  unitId: idInput('默认承办单位').nullable().meta({ title: '默认承办单位' }),
  reservedToBureau: z.boolean({ error: '请选择是否属于局机关职责事项' }).meta({ title: '局机关职责事项（不得下派乡镇街道）', description: NO_PUSH_DOWN_BASIS }),
  note: z.string().trim().max(200, '说明不超过 200 个字').nullable().default(null).meta({ title: '说明' }),
});
export type DispatchRuleInput = z.infer<typeof dispatchRuleInput>;

export const dispatchRuleQuery = z.object({ organizationId: idParam('单位') });

/** What a dispatch needs of the rule in force for the order's category. */
export interface DispatchRule {
  category: string;
  reservedToBureau: boolean;
  unit: { id: number; path: string; kind: OrganizationKind; name: string } | null;
}

/** The default unit of a rule must be below the organization that owns the rule, and not a town for a bureau item. */
export function checkRuleUnit(
  owner: { path: string; name: string },
  unit: { path: string; kind: OrganizationKind; name: string },
  reservedToBureau: boolean,
  categoryName: string,
): void {
  if (!unit.path.startsWith(owner.path)) throw validationError(`“${unit.name}”不是“${owner.name}”或其下级单位，不能作为默认承办单位`, { fields: [{ field: 'unitId', message: '默认承办单位须在本单位范围内' }] });
  if (reservedToBureau && unit.kind === 'town_team') {
    throw ruleViolation(`“${categoryName}”属于局机关职责事项，不得以乡镇（街道）“${unit.name}”为默认承办单位`, NO_PUSH_DOWN_BASIS);
  }
}
