/** The analyzer reads the one indicator catalog (src/domain/indicators/catalog.ts). */
export { indicatorCatalog, type IndicatorKey, indicatorMeasure, indicatorName, indicatorUnit, isIndicatorKey } from '../indicators/catalog.ts';
