/**
 * Who may work on inspections of enterprises (issue 18): the pages of the staff app ask these permissions (`may`), the
 * services assert the same roles. The steps of an inspection keep their roles in its transition table (workflow.ts).
 */
import { permission } from '../policy.ts';

export const inspectionPolicy = {
  /** Register inspections and take their steps on the phone (the inspection's own officers; heads cancel). */
  workOnInspections: permission('办理行政检查', ['officer', 'head']),
  /** Patrols (巡查): plan a task, start and finish it, record the problems found and act on them (the services assert the same roles). */
  workOnPatrols: permission('办理巡查', ['officer', 'head']),
  /** 双随机 plans: make the year's plan, publish the seed, draw, re-draw an officer, publish results. */
  manageRandomPlans: permission('双随机抽查', ['head']),
  /** The rectification board: inspections whose rectification is awaited, soonest due first. */
  viewRectifications: permission('查看整改看板', ['officer', 'head', 'supervisor']),
  /** The published list of inspection items (everyone of the scope reads it; the portal shows it too). */
  viewItems: permission('查看检查事项清单', ['officer', 'head', 'supervisor', 'admin', 'reviewer']),
  /** Add items to the list, publish and withdraw them. */
  manageItems: permission('维护检查事项清单', ['admin', 'head']),
  /** The regulated subjects: add one, import a file. */
  manageSubjects: permission('维护检查对象库', ['admin', 'head', 'officer']),
  /** The supervisor's view of inspections per enterprise per year, with the subjects at their yearly caps. */
  viewLoad: permission('查看涉企检查频次', ['supervisor', 'head', 'admin']),
};
