/**
 * Who may work on the annual report (法治政府建设年度报告, issue #19; docs/REPORTS.md): its authors — the head (负责人) and
 * the legal section (法制审核员) of the unit itself — create the draft, edit it, refresh its figures and take its steps
 * (each step's roles are in the transition table, workflow.ts); they and the supervisor (监督员) read the reports of
 * their subtree. The subtree is checked by the services (a unit outside it is not found); “of the unit itself” by the
 * subject rule below.
 */
import { permission } from '../policy.ts';

/** The unit whose report it is, and the unit of the person asking. */
export interface ReportSubject {
  organizationId: number;
  actorOrganizationId: number;
}

export const reportPolicy = {
  /** Read a unit's report (draft or published) and download it. */
  viewReport: permission('查看年度报告', ['head', 'reviewer', 'supervisor']),
  /** Create, edit and refresh the draft of the unit's own report. */
  editReport: permission<ReportSubject>('起草年度报告', ['head', 'reviewer'], {
    holds: (_who, s) => s.organizationId === s.actorOrganizationId,
    refusal: '只有本单位的负责人、法制审核员可以起草和修改本单位的年度报告',
  }),
};
