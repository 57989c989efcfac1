import { forbidden } from './errors.ts';

/** The roles of DOMAIN.md. A user may hold several. */
export const roles = {
  officer: '执法人员',
  reviewer: '法制审核员',
  head: '负责人',
  supervisor: '监督员',
  clerk: '窗口/热线',
  admin: '管理员',
} as const;
export type Role = keyof typeof roles;
export const roleKeys = Object.keys(roles) as Role[];

export const organizationKinds = {
  bureau: '局机关',
  district_bureau: '区县局',
  brigade: '执法大队',
  squadron: '执法中队',
  town_team: '乡镇街道综合执法队',
  justice_bureau: '司法局',
  other: '其他',
} as const;
export type OrganizationKind = keyof typeof organizationKinds;
export const organizationKindKeys = Object.keys(organizationKinds) as OrganizationKind[];

/** Who is acting. Services take this, never a raw user id, so scoping is enforced below the routes. */
export interface Actor {
  userId: number;
  organizationId: number;
  /** Materialized path of the actor's organization, e.g. '/1/4/'. */
  organizationPath: string;
  roles: readonly Role[];
  displayName: string;
}

/** The system itself (CLI bootstrap, migrations, demo data): sees everything; recorded as actor null. */
export const systemActor: Actor = { userId: 0, organizationId: 0, organizationPath: '/', roles: ['admin'], displayName: '系统' };
export const isSystem = (actor: Actor) => actor.userId === 0;

/** An organization at the top of the tree (no parent; its path has one id, '/1/'), or the system itself ('/'). */
export const isTopLevelPath = (organizationPath: string) => organizationPath.split('/').filter(Boolean).length <= 1;

/** Bare role checks. Services, routes and the web ask a permission of a policy instead (src/domain/policy.ts). */
export const hasRole = (actor: Actor, ...wanted: Role[]) => wanted.some((r) => actor.roles.includes(r));

/** A user sees the data of their own organization's subtree and nothing else (DOMAIN.md). */
export const canSeeOrganization = (actor: Actor, organizationPath: string) => organizationPath.startsWith(actor.organizationPath);

export function assertCanSee(actor: Actor, organizationPath: string): void {
  if (!canSeeOrganization(actor, organizationPath)) throw forbidden('无权访问本单位及下级单位以外的数据');
}

export function assertRole(actor: Actor, ...wanted: Role[]): void {
  if (!hasRole(actor, ...wanted)) {
    throw forbidden(`此操作需要以下角色之一：${wanted.map((r) => roles[r]).join('、')}`, { requiredRoles: wanted });
  }
}
