export * from './id-number.ts';
export * from './credit-code.ts';
export * from './identity-documents.ts';
