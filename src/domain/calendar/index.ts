export * from './iso-date.ts';
export * from './chinese-days-source.ts';
export * from './work-calendar.ts';
export * from './periods.ts';
