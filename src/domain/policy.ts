/**
 * Policies: one place for each rule "who may do X (to this subject)". A permission names the roles that may act
 * and, where the subject matters, a rule on the subject (e.g. "an officer assigned to this case"). Services assert
 * permissions (`assertMay`), the web's menu, pages and buttons ask the same permissions (`may`), so a role rule is
 * written once, in `src/domain/<module>/policy.ts`. Pure: imports only the domain.
 */
import { type Role, roles as roleNames } from './access.ts';
import { forbidden } from './errors.ts';

/** Who is asking: the server's `Actor` and the web's `Me` both fit (roles, and the user id for subject rules). */
export interface Who {
  readonly userId: number;
  readonly roles: readonly Role[];
}

/** A rule on the subject of a permission, with the refusal shown when it does not hold. */
export interface SubjectRule<S> {
  readonly holds: (who: Who, subject: S) => boolean;
  /** Chinese, for a clerk: why this person may not do it to this subject. */
  readonly refusal: string;
}

export interface Permission<S = never> {
  /** What may be done, in Chinese (for documentation and the policy tests). */
  readonly label: string;
  /** Roles that may do it; a user holding any of them may. */
  readonly roles: readonly Role[];
  readonly subject?: SubjectRule<S>;
}

/** A permission held by any of `roles`, optionally restricted by a rule on the subject. */
export function permission<S = never>(label: string, roles: readonly Role[], subject?: SubjectRule<S>): Permission<S> {
  return subject ? { label, roles, subject } : { label, roles };
}

const holdsRole = (who: Who, p: { readonly roles: readonly Role[] }) => p.roles.some((r) => who.roles.includes(r));

/**
 * May `who` do `p`? Without a subject it answers by role only ("may this person ever do it": menus, buttons,
 * the first check of a service before it loads anything); with a subject the subject rule must hold as well.
 */
export function may<S>(who: Who, p: Permission<S>, subject?: S): boolean {
  if (!holdsRole(who, p)) return false;
  return subject === undefined || !p.subject || p.subject.holds(who, subject);
}

/**
 * Throws FORBIDDEN unless `may(who, p, subject)`: "此操作需要以下角色之一：…" (with `details.requiredRoles`) when
 * the role is missing, the subject rule's refusal when the subject rule fails.
 */
export function assertMay<S>(who: Who, p: Permission<S>, subject?: S): void {
  if (!holdsRole(who, p)) {
    throw forbidden(`此操作需要以下角色之一：${p.roles.map((r) => roleNames[r]).join('、')}`, { requiredRoles: p.roles });
  }
  if (subject !== undefined && p.subject && !p.subject.holds(who, subject)) throw forbidden(p.subject.refusal);
}
