export * from './id-number.ts';
export * from './credit-code.ts';
