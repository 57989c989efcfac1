/**
 * Who may use the roll-up of the annual reports (issue #19 item 5): the supervisor (监督员 of 司法局 or the bureau
 * above) reads the roll-up and comparison of the units of their subtree and sets the ranking weights; uploading a
 * unit's free-text report — the supervisor for a unit of their subtree, the unit's own head and legal section
 * (法制审核员) for their unit or one below it. The subtree is checked by the services (outside it: not found).
 */
import { permission } from '../policy.ts';

export const rollupPolicy = {
  /** The roll-up across units (status, figures, ranking), its XLSX and the side-by-side comparison. */
  viewRollup: permission('查看年度报告汇总', ['supervisor']),
  /** The weights of the ranking (晾晒), per supervising unit and year. */
  setRankingWeights: permission('设置年度报告晾晒权重', ['supervisor']),
  /** Upload (or replace) a unit's report file, analyzed on arrival. */
  uploadReport: permission('上传年度报告', ['supervisor', 'head', 'reviewer']),
  /** The uploaded reports of a unit and their files. */
  viewUploads: permission('查看上传的年度报告', ['supervisor', 'head', 'reviewer']),
};
