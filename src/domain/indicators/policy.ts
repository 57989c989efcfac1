/**
 * Who may read and enter the figures of the annual report (法治政府建设年度报告, issue #19): a unit's head and its
 * legal section (法制审核员) enter hand-entered figures for their unit or a unit below it; they and the supervisor
 * (司法局 / the bureau above) read the indicator table of any unit of their subtree. The subtree itself is checked
 * by the services (a unit outside it is not found).
 */
import { permission } from '../policy.ts';

export const indicatorPolicy = {
  /** The indicator table of a unit and year, and the records each figure counts. */
  viewIndicators: permission('查看年度报告指标', ['reviewer', 'head', 'supervisor']),
  /** Enter (or correct) a hand-entered figure with its source note and supporting file. */
  enterIndicators: permission('手工填报年度报告指标', ['reviewer', 'head']),
};
